import { LOCALES } from "../i18n/locales";
import { columnOf, REQUIRED, type Column } from "./columns";

export interface ImportRow {
  line: number;
  email: string;
  name: string;
  language: string | null;
  country: string | null;
  institution: string | null;
  unit: string | null;
}

/** A problem on one line, shown as `line N, column: message`; `code` is a translation key's tail. */
export interface LineError {
  line: number;
  column: Column | "file";
  code: string;
}

export type Checked = { ok: true; rows: ImportRow[]; errors: LineError[] } | { ok: false; errors: LineError[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_ROWS = 20_000;
const MAX_CELL = 200;

/** Checks the lines of a file against the column rules, without the database. */
export function checkLines(lines: { line: number; cells: string[] }[]): Checked {
  const [header, ...body] = lines;
  if (!header) return { ok: false, errors: [{ line: 1, column: "file", code: "empty" }] };
  const at = new Map<Column, number>();
  header.cells.forEach((h, i) => {
    const column = columnOf(h);
    if (column && !at.has(column)) at.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !at.has(c));
  if (missing.length) return { ok: false, errors: missing.map((c) => ({ line: header.line, column: c, code: "missingColumn" })) };
  if (body.length > MAX_ROWS) return { ok: false, errors: [{ line: header.line, column: "file", code: "tooManyRows" }] };

  const rows: ImportRow[] = [];
  const errors: LineError[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, cells } of body) {
    const cell = (c: Column) => {
      const i = at.get(c);
      return i === undefined ? "" : (cells[i] ?? "").trim();
    };
    const lineErrors: LineError[] = [];
    const fail = (column: Column, code: string) => lineErrors.push({ line, column, code });
    for (const c of at.keys()) if (cell(c).length > MAX_CELL) fail(c, "tooLong");
    const email = cell("email").toLowerCase();
    if (!email) fail("email", "required");
    else if (!EMAIL.test(email)) fail("email", "invalidEmail");
    else if (firstLineOf.has(email)) fail("email", "duplicate");
    const name = cell("name");
    if (!name) fail("name", "required");
    const language = cell("language").toLowerCase() || null;
    if (language && !(LOCALES as readonly string[]).includes(language)) fail("language", "unknownLanguage");
    const country = cell("country").toUpperCase() || null;
    if (country && !/^[A-Z]{2}$/.test(country)) fail("country", "invalidCountry");
    const institution = cell("institution") || null;
    const unit = cell("unit") || null;
    if (institution && !country) fail("country", "countryNeeded");
    if (unit && !institution) fail("institution", "institutionNeeded");
    if (email && !firstLineOf.has(email)) firstLineOf.set(email, line);
    if (lineErrors.length) errors.push(...lineErrors);
    else rows.push({ line, email, name, language, country, institution, unit });
  }
  return { ok: true, rows, errors };
}
