import { useTranslation } from "react-i18next";
import { Field, SelectField } from "./field";
import { LocaleSelect } from "./locale-select";

export interface PlaceOptions {
  countries: { code: string; name: string }[];
  institutions: { id: string; name: string; country_code: string }[];
}

/** Who a person is and where they work: the fields of the create and edit forms. */
export function PersonFields({ options, values, errors }: { options: PlaceOptions; values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const err = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const countryName = new Map(options.countries.map((c) => [c.code, c.name]));
  return (
    <>
      <Field name="displayName" label={t("personAdmin.name")} required maxLength={120} autoComplete="off" defaultValue={values.displayName ?? ""} error={err("displayName")} />
      <Field name="email" type="email" label={t("personAdmin.email")} required maxLength={254} autoComplete="off" defaultValue={values.email ?? ""} error={err("email")} />
      <LocaleSelect name="locale" label={t("personAdmin.locale")} value={values.locale ?? "es"} error={err("locale")} />
      <SelectField name="countryCode" label={t("personAdmin.country")} value={values.countryCode ?? ""} error={err("countryCode")}>
        <option value="">{t("personAdmin.none")}</option>
        {options.countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField name="institutionId" label={t("personAdmin.institution")} value={values.institutionId ?? ""} error={err("institutionId")}>
        <option value="">{t("personAdmin.none")}</option>
        {options.institutions.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name} ({countryName.get(i.country_code) ?? i.country_code})
          </option>
        ))}
      </SelectField>
    </>
  );
}
