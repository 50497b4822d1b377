import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, LOCALES } from "../i18n/locales";
import { Field } from "./field";

export interface PlaceOptions {
  countries: { code: string; name: string }[];
  institutions: { id: string; name: string; country_code: string }[];
}

/** A labelled select with its error, for the person form. */
function Select({ name, label, value, error, children }: { name: string; label: string; value: string; error?: string | undefined; children: React.ReactNode }) {
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={`field-${name}`}>{label}</label>
      {error ? (
        <p className="field-error" id={`field-${name}-error`}>
          {error}
        </p>
      ) : null}
      <select id={`field-${name}`} name={name} defaultValue={value} aria-describedby={error ? `field-${name}-error` : undefined}>
        {children}
      </select>
    </div>
  );
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
      <Select name="locale" label={t("personAdmin.locale")} value={values.locale ?? "es"} error={err("locale")}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </Select>
      <Select name="countryCode" label={t("personAdmin.country")} value={values.countryCode ?? ""} error={err("countryCode")}>
        <option value="">{t("personAdmin.none")}</option>
        {options.countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </Select>
      <Select name="institutionId" label={t("personAdmin.institution")} value={values.institutionId ?? ""} error={err("institutionId")}>
        <option value="">{t("personAdmin.none")}</option>
        {options.institutions.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name} ({countryName.get(i.country_code) ?? i.country_code})
          </option>
        ))}
      </Select>
    </>
  );
}
