import { strToU8, zipSync } from "fflate";
import { isLocale, DEFAULT_LOCALE } from "../i18n/locales";
import { serverT } from "../i18n/translations.server";
import { RECORD_COLUMNS, RECORD_KINDS, type PersonalData, type RecordKind } from "../models/privacy/kinds";
import type { PersonalExport } from "../models/privacy/export.server";
import { BOM, csvLine, type Cell } from "../reports/csv";
import { CSV_FILES as FILE_NAMES, JSON_FILE, README_FILE } from "./files";

// The personal data export as a ZIP (issue 21): data.json with every record, one CSV per kind
// (cells made inert for spreadsheets by csvLine), and README.txt in the person's language.
// Built in memory: one person's records are small (a busy officer's log is well under a megabyte).

/** A value as a CSV cell: dates in ISO 8601 (UTC), nested data as JSON text. */
function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

function csvFile(kind: RecordKind, data: PersonalData, t: ReturnType<typeof serverT>): string {
  const columns: readonly string[] = RECORD_COLUMNS[kind];
  const rows: readonly object[] = data[kind];
  const header = columns.map((c) => t(`privacyExport.field.${c}`));
  const lines = rows.map((row) => csvLine(columns.map((c) => cell((row as Record<string, unknown>)[c]))));
  return BOM + csvLine(header) + lines.join("");
}

function readme(exported: PersonalExport, t: ReturnType<typeof serverT>): string {
  const profile = exported.data.profile[0];
  const lines = [
    t("privacyExport.readme.title"),
    "",
    t("privacyExport.readme.intro", { name: String(profile?.displayName ?? ""), date: exported.generatedAt.toISOString() }),
    "",
    t("privacyExport.readme.filesTitle"),
    `- ${JSON_FILE}: ${t("privacyExport.readme.json")}`,
    ...RECORD_KINDS.map((kind) => `- ${FILE_NAMES[kind]}: ${t(`privacyExport.readme.files.${kind}`)}`),
    "",
    t("privacyExport.readme.dates"),
    t("privacyExport.readme.csv"),
    "",
    t("privacyExport.readme.notIncluded"),
    "",
    t("privacyExport.readme.more"),
  ];
  return lines.join("\r\n") + "\r\n";
}

/** The archive's files, by name. */
export function archiveFiles(exported: PersonalExport): Record<string, string> {
  const t = serverT(isLocale(exported.locale) ? exported.locale : DEFAULT_LOCALE);
  const personId = String(exported.data.profile[0]?.id ?? "");
  const json = { format: "sendero-personal-data", version: 1, generatedAt: exported.generatedAt, personId, records: exported.data };
  const files: Record<string, string> = { [README_FILE]: readme(exported, t), [JSON_FILE]: JSON.stringify(json, null, 2) };
  for (const kind of RECORD_KINDS) files[FILE_NAMES[kind]] = csvFile(kind, exported.data, t);
  return files;
}

export function personalDataZip(exported: PersonalExport): Uint8Array {
  const files = archiveFiles(exported);
  const mtime = exported.generatedAt;
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]])), { level: 6 });
}

/** The download: an attachment that no cache keeps. */
export function personalDataResponse(exported: PersonalExport): Response {
  const day = exported.generatedAt.toISOString().slice(0, 10);
  return new Response(Buffer.from(personalDataZip(exported)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="sendero-personal-data-${day}.zip"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
