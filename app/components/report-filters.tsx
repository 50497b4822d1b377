import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { LearnerListQuery, ReportFilters as Filters } from "../reports/filters";
import { regionName } from "../utils/intl";

/** The overview's filters, and the learner list's extra ones when the form shows them. */
export type ReportFilterValues = Filters & Partial<Pick<LearnerListQuery, "q" | "status" | "inactiveSince" | "scoreBelow">>;

export interface ReportFilterOptions {
  cohorts: { id: string; name: string }[];
  courses: { id: string; title: string }[];
  countries: string[];
  institutions: { id: string; name: string }[];
}

/**
 * The reports' filters as a plain GET form: the choice lives in the URL (bookmarkable, works
 * without JavaScript). `statuses` adds the status filter of the learner list; `hidden` keeps
 * other parameters (sorting) across a change of filters.
 */
export function ReportFilters({
  values,
  options,
  statuses,
  search = false,
  hidden = {},
}: {
  values: ReportFilterValues;
  options: ReportFilterOptions;
  statuses?: readonly string[];
  /** Adds a name or e-mail search (the learner list). */
  search?: boolean;
  hidden?: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Form method="get" className="report-filters">
      <fieldset>
        <legend>{t("report.filters.legend")}</legend>
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="report-filter-fields">
          {search ? (
            <div className="field">
              <label htmlFor="filter-q">{t("people.search")}</label>
              <input id="filter-q" type="search" name="q" defaultValue={values.q ?? ""} maxLength={100} />
            </div>
          ) : null}
          <Select name="cohort" label={t("report.filters.cohort")} value={values.cohort} options={options.cohorts.map((c) => ({ value: c.id, label: c.name }))} />
          <Select name="course" label={t("report.filters.course")} value={values.course} options={options.courses.map((c) => ({ value: c.id, label: c.title }))} />
          <div className="field">
            <label htmlFor="filter-country">{t("report.filters.country")}</label>
            <select id="filter-country" name="country" defaultValue={values.country ?? ""}>
              <option value="">{t("report.filters.all")}</option>
              {options.countries.map((code) => (
                <option key={code} value={code}>
                  {regionName(i18n.language, code)}
                </option>
              ))}
            </select>
          </div>
          <Select name="institution" label={t("report.filters.institution")} value={values.institution} options={options.institutions.map((i) => ({ value: i.id, label: i.name }))} />
          {statuses ? <Select name="status" label={t("report.filters.status")} value={values.status ?? null} options={statuses.map((s) => ({ value: s, label: t(`report.status.${s}`) }))} /> : null}
          {search ? (
            <>
              <div className="field">
                <label htmlFor="filter-inactive">{t("report.filters.inactiveSince")}</label>
                <input id="filter-inactive" type="date" name="inactiveSince" defaultValue={values.inactiveSince ?? ""} />
              </div>
              <div className="field">
                <label htmlFor="filter-score">{t("report.filters.scoreBelow")}</label>
                <input id="filter-score" type="number" name="scoreBelow" min={1} max={100} step={1} inputMode="numeric" defaultValue={values.scoreBelow ?? ""} />
              </div>
            </>
          ) : null}
          <div className="field">
            <label htmlFor="filter-from">{t("report.filters.from")}</label>
            <input id="filter-from" type="date" name="from" defaultValue={values.from} aria-describedby="filter-period-hint" />
          </div>
          <div className="field">
            <label htmlFor="filter-to">{t("report.filters.to")}</label>
            <input id="filter-to" type="date" name="to" defaultValue={values.to} aria-describedby="filter-period-hint" />
          </div>
        </div>
        <p className="hint" id="filter-period-hint">
          {t("report.filters.periodHint")}
        </p>
        <p className="report-filter-actions">
          <button type="submit" className="button-primary">
            {t("report.filters.apply")}
          </button>
          <Link to="?" className="button-secondary">
            {t("report.filters.clear")}
          </Link>
        </p>
      </fieldset>
    </Form>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value: string | null; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("report.filters.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
