import type { Catalog } from "../content/model";
import { pick } from "../content/model";
import type { Locale } from "../i18n/locales";
import { serverT } from "../i18n/translations.server";
import type { LearnerRow } from "../models/reports/learners.server";
import type { Overview } from "../models/reports/overview.server";
import { COUNT_KEYS, type Counts } from "../models/reports/enrolments.server";
import { csvStream, type Cell } from "./csv";
import { xlsxStream, type Sheet } from "./xlsx.server";
import { regionName } from "../utils/intl";

export type ExportFormat = "csv" | "xlsx";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A streamed download: no caching, a file name, and the body as it is produced. */
export function downloadResponse(body: ReadableStream<Uint8Array>, format: ExportFormat, baseName: string): Response {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${baseName}-${day}.${format}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function countryName(code: string | null, locale: Locale): string {
  return code ? regionName(locale, code) : "";
}

/** The learner list's columns, in the reader's language. */
export function learnerColumns(catalog: Catalog, locale: Locale) {
  const t = serverT(locale);
  const header = ["name", "email", "country", "institution", "cohort", "course", "status", "overdue", "due", "lastActivity", "score", "passedFinal"].map((k) => t(`report.learners.${k}`));
  const yesNo = (value: boolean) => t(value ? "report.export.yes" : "report.export.no");
  const toCells = (row: LearnerRow): Cell[] => [
    row.name,
    row.email,
    countryName(row.countryCode, locale),
    row.institution ?? "",
    row.cohort,
    pick(catalog.courses.get(row.courseId)?.title ?? {}, locale) || row.courseId,
    t(`report.status.${row.status}`),
    yesNo(row.overdue),
    row.dueOn ?? "",
    row.lastActivity ? new Date(row.lastActivity).toISOString() : "",
    row.score,
    yesNo(row.passedFinal),
  ];
  return { header, toCells };
}

export function learnerExport(format: ExportFormat, catalog: Catalog, locale: Locale, batches: AsyncIterable<LearnerRow[]>): Response {
  const { header, toCells } = learnerColumns(catalog, locale);
  const body =
    format === "csv"
      ? csvStream(header, batches, toCells)
      : xlsxStream([{ name: serverT(locale)("report.learners.title"), header, batches, toCells } as Sheet<unknown>]);
  return downloadResponse(body, format, "sendero-personas");
}

interface OverviewLine extends Counts {
  section: string;
  group: string;
}

/** The overview's tables as rows: by cohort and course, by country, by institution, the total. */
export function overviewLines(overview: Overview, catalog: Catalog, locale: Locale): OverviewLine[] {
  const t = serverT(locale);
  const courseTitle = (id: string) => pick(catalog.courses.get(id)?.title ?? {}, locale) || id;
  return [
    { section: t("report.export.total"), group: t("report.export.total"), ...overview.totals },
    ...overview.byCohortCourse.map((r) => ({ section: t("report.byCohortCourse.title"), group: `${r.cohortName} · ${courseTitle(r.courseId)}`, ...r })),
    ...overview.byCountry.map((r) => ({ section: t("report.byCountry.title"), group: countryName(r.countryCode, locale) || t("report.none"), ...r })),
    ...overview.byInstitution.map((r) => ({ section: t("report.byInstitution.title"), group: r.institutionName ?? t("report.none"), ...r })),
  ];
}

export function overviewExport(format: ExportFormat, overview: Overview, catalog: Catalog, locale: Locale): Response {
  const t = serverT(locale);
  const header = [t("report.export.section"), t("report.export.group"), ...COUNT_KEYS.map((k) => t(`report.counts.${k}`))];
  const toCells = (line: OverviewLine): Cell[] => [line.section, line.group, ...COUNT_KEYS.map((k) => line[k])];
  const lines = overviewLines(overview, catalog, locale);
  const weeklyHeader = [t("report.weekly.week"), t("report.weekly.completed")];
  const weeklyCells = (w: { week: string; completed: number }): Cell[] => [w.week, w.completed];
  const body =
    format === "csv"
      ? csvStream(header, once(lines), toCells)
      : xlsxStream([
          { name: t("report.overview.title"), header, batches: once(lines), toCells } as Sheet<unknown>,
          { name: t("report.weekly.title"), header: weeklyHeader, batches: once(overview.weekly), toCells: weeklyCells } as Sheet<unknown>,
        ]);
  return downloadResponse(body, format, "sendero-resumen");
}

async function* once<T>(rows: T[]): AsyncGenerator<T[]> {
  yield rows;
}
