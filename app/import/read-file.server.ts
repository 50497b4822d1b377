import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/** One line of the file as text cells, with its line number as a spreadsheet would show it. */
export interface RawLine {
  line: number;
  cells: string[];
}

export type ReadResult = { ok: true; lines: RawLine[] } | { ok: false; code: "unreadable" | "empty" };

/**
 * Reads a CSV or XLSX upload into text cells. Nothing is evaluated: an XLSX formula cell gives
 * its formula text ("=…"), never its cached result, and a CSV cell is kept as typed, so a
 * formula-looking value is stored as the text it is.
 */
export async function readSpreadsheet(name: string, bytes: Uint8Array): Promise<ReadResult> {
  try {
    const lines = /\.xlsx$/i.test(name) || isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
    return lines.length === 0 ? { ok: false, code: "empty" } : { ok: true, lines };
  } catch {
    return { ok: false, code: "unreadable" };
  }
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

function readCsv(bytes: Uint8Array): RawLine[] {
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  // Semicolons are what spreadsheets in Spanish-speaking locales write.
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  // With `info`, each record comes with the line it ended on (csv-parse's types do not say so).
  const records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  return records
    .map(({ record, info }) => ({ line: info.lines, cells: record }))
    .filter((l) => l.cells.some((c) => c.trim() !== ""));
}

async function readXlsx(bytes: Uint8Array): Promise<RawLine[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const lines: RawLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (c) => c ?? "");
    if (filled.some((c) => c.trim() !== "")) lines.push({ line, cells: filled });
  });
  return lines;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("formula" in value && typeof value.formula === "string") return `=${value.formula}`;
  if ("sharedFormula" in value && typeof value.sharedFormula === "string") return `=${value.sharedFormula}`;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  return "";
}
