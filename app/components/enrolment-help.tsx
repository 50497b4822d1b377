import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES } from "../i18n/locales";
import { COLUMNS, HEADERS, REQUIRED } from "../import/columns";
import { DataTable } from "./data-table";

interface LineErrorView {
  line: number;
  column: string;
  code: string;
}

/** `line N, column: message`, as the issue and the page's lead promise. */
export function enrolmentErrorText(t: TFunction, error: LineErrorView): string {
  return t("enrolment.errorLine", {
    line: error.line,
    column: t(`enrolment.columnName.${error.column}`, { defaultValue: error.column }),
    message: t(`enrolment.error.${error.code}`, { defaultValue: t("enrolment.error.generic") }),
  });
}

/** Every error of a dry run, in line order. */
export function EnrolmentErrors({ errors }: { errors: readonly LineErrorView[] }) {
  const { t } = useTranslation();
  return (
    <div className="alert" role="alert" aria-labelledby="errors-title">
      <h3 id="errors-title">{t("enrolment.errorsTitle", { count: errors.length })}</h3>
      <p>{t("enrolment.errorsLead")}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{enrolmentErrorText(t, e)}</li>
        ))}
      </ul>
    </div>
  );
}

/** The columns a file may have, and the templates to start from. */
export function EnrolmentColumns() {
  const { t } = useTranslation();
  const rows = COLUMNS.map((c) => ({ column: c, es: HEADERS.es[c], en: HEADERS.en[c], required: REQUIRED.includes(c) }));
  return (
    <section aria-labelledby="columns-title">
      <h2 id="columns-title">{t("enrolment.columnsTitle")}</h2>
      <DataTable
        caption={t("enrolment.columnsCaption")}
        rows={rows}
        rowKey={(r) => r.column}
        columns={[
          { header: t("enrolment.column"), rowHeader: true, cell: (r) => <code>{r.es}</code> },
          { header: t("enrolment.columnEn"), cell: (r) => <code lang="en">{r.en}</code> },
          { header: t("enrolment.required"), cell: (r) => (r.required ? t("enrolment.required") : t("enrolment.optional")) },
          { header: t("enrolment.meaning"), cell: (r) => t(`enrolment.col.${r.column}`) },
        ]}
      />
      <p>{t("enrolment.formulas")}</p>
      <h3>{t("enrolment.templates")}</h3>
      <ul className="link-list">
        {(["es", "en"] as const).flatMap((lang) =>
          (["xlsx", "csv"] as const).map((format) => (
            <li key={`${lang}-${format}`}>
              <a href={`/resources/enrolment-template?lang=${lang}&format=${format}`} download>
                {t(format === "xlsx" ? "enrolment.templateXlsx" : "enrolment.templateCsv", { language: LOCALE_NAMES[lang] })}
              </a>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
