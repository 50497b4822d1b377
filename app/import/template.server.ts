import ExcelJS from "exceljs";
import { COLUMNS, HEADERS } from "./columns";

export type TemplateLanguage = keyof typeof HEADERS;
export type TemplateFormat = "csv" | "xlsx";

// One made-up example line under the headers, so the expected shape is visible.
const EXAMPLE: Record<TemplateLanguage, string[]> = {
  es: ["ana.lopez@ejemplo.org", "Ana López", "es", "MX", "INM", ""],
  en: ["ana.lopez@example.org", "Ana López", "en", "MX", "INM", ""],
};

/** A bulk-enrolment template: the headers in one language and an example line. */
export async function enrolmentTemplate(language: TemplateLanguage, format: TemplateFormat): Promise<{ body: ArrayBuffer; type: string; filename: string }> {
  const header = COLUMNS.map((c) => HEADERS[language][c]);
  const filename = `${language === "es" ? "plantilla-inscripcion" : "enrolment-template"}.${format}`;
  if (format === "csv") {
    // A byte-order mark so that spreadsheets open the accents as UTF-8.
    const text = `\uFEFF${[header, EXAMPLE[language]].map((cells) => cells.join(",")).join("\r\n")}\r\n`;
    return { body: new TextEncoder().encode(text).buffer as ArrayBuffer, type: "text/csv; charset=utf-8", filename };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(language === "es" ? "Personas" : "People");
  sheet.addRow(header).font = { bold: true };
  sheet.addRow(EXAMPLE[language]);
  sheet.columns.forEach((column) => (column.width = 28));
  const buffer = await book.xlsx.writeBuffer();
  return { body: buffer as ArrayBuffer, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename };
}
