import { useTranslation } from "react-i18next";
import { INSTITUTION_KINDS } from "../organisation/institution-kinds";
import { SelectField } from "./field";

/** The kind of an institution, as a labelled select with its error. */
export function KindSelect({ value, error }: { value: string; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <SelectField name="kind" label={t("orgAdmin.institutions.kind")} value={value} error={error && t(error)}>
      <option value="">{t("orgAdmin.choose")}</option>
      {INSTITUTION_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`orgAdmin.kinds.${k}`)}
        </option>
      ))}
    </SelectField>
  );
}
