import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "./csrf-field";
import { Field, SelectField } from "./field";
import { LocaleSelect } from "./locale-select";

export interface CohortFormOptions {
  courses: { id: string; title: string }[];
  countries: { code: string; name: string }[];
  regional: boolean;
}

interface CohortFormProps {
  options: CohortFormOptions;
  /** What the form shows: the cohort's fields, or what was typed before an error. */
  values: Record<string, string>;
  errors: Record<string, string>;
  intent: string;
  submitLabel: string;
}

/** The fields of a programme run: name, dates, capacity, language, country, low data, courses with due dates. */
export function CohortForm({ options, values, errors, intent, submitLabel }: CohortFormProps) {
  const { t } = useTranslation();
  const err = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  return (
    <Form method="post" noValidate className="stack">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {errors.form ? (
        <p className="field-error" role="alert">
          {t(errors.form)}
        </p>
      ) : null}
      <Field name="name" label={t("cohortAdmin.form.name")} required maxLength={120} autoComplete="off" defaultValue={values.name ?? ""} error={err("name")} />
      <Field name="startsOn" type="date" label={t("cohortAdmin.form.startsOn")} defaultValue={values.startsOn ?? ""} error={err("startsOn")} />
      <Field name="endsOn" type="date" label={t("cohortAdmin.form.endsOn")} defaultValue={values.endsOn ?? ""} error={err("endsOn")} />
      <Field name="capacity" inputMode="numeric" label={t("cohortAdmin.form.capacity")} hint={t("cohortAdmin.form.capacityHint")} defaultValue={values.capacity ?? ""} error={err("capacity")} />
      <SelectField name="countryCode" label={t("cohortAdmin.form.country")} value={values.countryCode ?? ""} error={err("countryCode")}>
        {options.regional ? <option value="">{t("cohortAdmin.form.regional")}</option> : null}
        {options.countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <LocaleSelect name="locale" label={t("cohortAdmin.form.locale")} anyLabel={t("cohortAdmin.form.anyLocale")} value={values.locale ?? ""} />
      <div className="field">
        <label>
          <input type="checkbox" name="lowData" value="on" defaultChecked={values.lowData === "on"} /> {t("cohortAdmin.form.lowData")}
        </label>
      </div>
      <fieldset className="cohort-courses">
        <legend>{t("cohortAdmin.form.courses")}</legend>
        {options.courses.map((c) => (
          <div key={c.id} className="cohort-course">
            <label>
              <input type="checkbox" name={`course:${c.id}`} value="on" defaultChecked={values[`course:${c.id}`] === "on"} /> <span dir="auto">{c.title}</span>
            </label>
            <Field
              name={`due:${c.id}`}
              id={`field-due-${c.id}`}
              type="date"
              label={t("cohortAdmin.form.dueOn", { course: c.title })}
              defaultValue={values[`due:${c.id}`] ?? ""}
              error={err(`due:${c.id}`)}
            />
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button-primary">
        {submitLabel}
      </button>
    </Form>
  );
}
