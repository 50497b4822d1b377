import type { Catalog } from "../content/model";
import { pick } from "../content/model";
import type { Locale } from "../i18n/locales";
import { serverT } from "../i18n/translations.server";
import type { TeamWorkRow } from "../models/reports/team-work.server";
import { csvStream, type Cell } from "./csv";
import { downloadResponse, type ExportFormat } from "./exports.server";
import { xlsxStream, type Sheet } from "./xlsx.server";

// Group work, one line per cohort, group task and team, as on the overview. The score and its
// maximum are two number columns so a spreadsheet can sum them; times are in UTC, named so.
export function teamWorkExport(format: ExportFormat, rows: TeamWorkRow[], catalog: Catalog, locale: Locale): Response {
  const t = serverT(locale);
  const courseTitle = (courseId: string) => pick(catalog.courses.get(courseId)?.title ?? {}, locale) || courseId;
  const taskTitle = (courseId: string, itemId: string) => pick(catalog.courses.get(courseId)?.items.get(itemId)?.title ?? {}, locale) || itemId;
  const utc = (at: Date | null) => (at ? `${at.toISOString().slice(0, 16).replace("T", " ")} UTC` : "");
  const header = ["cohort", "course", "task", "team", "members", "status", "score", "maxScore", "submittedAt", "acceptedAt"].map((k) => t(`report.teamWork.columns.${k}`));
  const toCells = (r: TeamWorkRow): Cell[] => [
    r.cohortName,
    courseTitle(r.courseId),
    taskTitle(r.courseId, r.itemId),
    r.teamName,
    r.members,
    t(`report.teamWork.status.${r.status}`),
    r.score?.total,
    r.score?.max,
    utc(r.submittedAt),
    utc(r.acceptedAt),
  ];
  const batches = (async function* () {
    yield rows;
  })();
  const body = format === "csv" ? csvStream(header, batches, toCells) : xlsxStream([{ name: t("report.teamWork.title"), header, batches, toCells } as Sheet<unknown>]);
  return downloadResponse(body, format, "sendero-trabajos-en-equipo");
}
