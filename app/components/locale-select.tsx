import type { ComponentProps } from "react";
import { LOCALE_NAMES, LOCALES } from "../i18n/locales";
import { SelectField } from "./field";

type LocaleSelectProps = Omit<ComponentProps<typeof SelectField>, "children"> & {
  /** The text of an empty first option, where "no language in particular" may be chosen. */
  anyLabel?: string;
};

/** A choice among the site's languages, each named in itself (and marked with its `lang`, so it is read aloud right). */
export function LocaleSelect({ anyLabel, ...field }: LocaleSelectProps) {
  return (
    <SelectField {...field}>
      {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </SelectField>
  );
}
