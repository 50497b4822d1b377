import type { Catalog } from "../content/model";
import { pick } from "../content/model";
import type { Locale } from "../i18n/locales";
import { serverT } from "../i18n/translations.server";
import type { AttendanceLine } from "../models/reports/session-attendance.server";
import { regionName } from "../utils/intl";
import { csvStream, type Cell } from "./csv";
import { downloadResponse, type ExportFormat } from "./exports.server";
import { xlsxStream, type Sheet } from "./xlsx.server";

// Attendance at presentations by experts, one line per officer and scheduled session. Times are
// written in UTC with the zone named: a spreadsheet has no time zone of its own.
export function attendanceExport(format: ExportFormat, lines: AttendanceLine[], catalog: Catalog, locale: Locale): Response {
  const t = serverT(locale);
  const titleOf = (courseId: string, itemId: string) => pick(catalog.courses.get(courseId)?.items.get(itemId)?.title ?? {}, locale) || itemId;
  const header = ["person", "email", "country", "cohort", "session", "startsAt", "attended", "reflection"].map((k) => t(`report.attendance.columns.${k}`));
  const toCells = (l: AttendanceLine): Cell[] => [
    l.name,
    l.email,
    l.countryCode ? regionName(locale, l.countryCode) : "",
    l.cohortName,
    titleOf(l.courseId, l.itemId),
    `${l.startsAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    l.method ? t(`report.attendance.method.${l.method}`) : t("report.attendance.method.none"),
    l.reflected ? t("report.attendance.yes") : t("report.attendance.no"),
  ];
  const batches = (async function* () {
    yield lines;
  })();
  const body = format === "csv" ? csvStream(header, batches, toCells) : xlsxStream([{ name: t("report.attendance.title"), header, batches, toCells } as Sheet<unknown>]);
  return downloadResponse(body, format, "sendero-asistencia");
}
