import ExcelJS from "exceljs";
import { expect, type Page } from "@playwright/test";

export interface ProgrammePerson {
  email: string;
  name: string;
  country: "GT" | "HN";
  institution: string;
}

/** 120 officials: the first 60 from Guatemala's migration institute, the rest from Honduras'. */
export function programmePeople(tag: string): ProgrammePerson[] {
  return Array.from({ length: 120 }, (_, i) => {
    const gt = i < 60;
    return {
      email: `oficial-${tag}-${String(i + 1).padStart(3, "0")}@programa.test`,
      name: `Oficial ${gt ? "GT" : "HN"} ${i + 1}`,
      country: gt ? "GT" : "HN",
      institution: gt ? "IGM" : "INM",
    };
  });
}

/** The lines the broken file spoils (spreadsheet line numbers: the header is line 1). */
export const BROKEN_LINES = [12, 42, 92] as const;

/** The people as an XLSX in the Spanish template's columns; `broken` spoils three lines. */
export async function enrolmentXlsx(people: readonly ProgrammePerson[], broken: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Personas");
  sheet.addRow(["correo", "nombre", "idioma", "país", "institución"]);
  people.forEach((p, i) => {
    const line = i + 2;
    const row = [p.email, p.name, "es", p.country, p.institution];
    if (broken && line === BROKEN_LINES[0]) row[0] = "correo-sin-arroba";
    if (broken && line === BROKEN_LINES[1]) row[3] = "XX";
    if (broken && line === BROKEN_LINES[2]) row[1] = "";
    sheet.addRow(row);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Chooses the file on the enrolment page and asks for its dry run. */
export async function previewFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByLabel("Archivo (CSV o XLSX, hasta 4 MB)", { exact: true }).setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
  await page.getByRole("button", { name: "Ver vista previa", exact: true }).click();
  await expect(page).toHaveURL(/\/enrolment\?upload=/);
}

/** The sign-in links the import shows once, by e-mail address. */
export async function signInLinks(page: Page, expected: number): Promise<Map<string, string>> {
  const table = page.getByRole("table", { name: "Enlace de cada persona nueva" });
  // Without JavaScript the page is read as it arrives: wait for its last row.
  await expect(table.locator("tbody tr")).toHaveCount(expected);
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? "")));
  return new Map(rows.map((cells) => [cells[1]!, cells[2]!]));
}
