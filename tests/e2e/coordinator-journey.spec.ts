import { expect, test, type Download, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { parseCsv } from "../setup/csv";
import { ENGLISH_ADMIN } from "../setup/e2e-seed-accounts";
import { signIn, signInAs } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";

// The demo coordinator (Mexico and Guatemala) follows progress: filters the overview, opens a
// learner, downloads CSV and XLSX and finds in them what the page shows. Demo learners are
// seeded by db/seeds/demo-learners.ts (a Honduran and a Salvadoran outside the scope).

const VR_ES = "Identificar a personas migrantes en situación de vulnerabilidad y referirlas";
const SCENARIO_ES = "Caso práctico: una solicitud de asilo que no debe llegar al consulado";

async function cardNumber(page: Page, card: string): Promise<number> {
  return Number(await page.locator(`[data-card="${card}"] .stat-number`).textContent());
}

async function download(page: Page, linkName: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName, exact: true }).click()]);
  return readFile((await (file as Download).path())!);
}

/** Parses a downloaded CSV after checking the UTF-8 byte-order mark. */
function parseCsvFile(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString("utf8"));
}

async function parseXlsx(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
  return rows;
}

test("the demo coordinator filters the overview, opens a learner and downloads CSV and XLSX that match the page", async ({ page }) => {
  await signInAs(page, "coordinator");
  await expect(page.getByRole("heading", { level: 1, name: "Coordinación", exact: true })).toBeVisible();

  // Filter: Guatemala, one course. The choice travels in the URL.
  await page.getByLabel("País", { exact: true }).selectOption({ label: "Guatemala" });
  await page.getByLabel("Curso", { exact: true }).selectOption({ label: VR_ES });
  await page.getByRole("button", { name: "Aplicar filtros", exact: true }).click();
  await expect(page).toHaveURL(/country=GT/);
  await expect(page).toHaveURL(/course=vulnerability-referral/);
  // With JavaScript the address changes a moment before React paints the filtered page: wait
  // for the page itself (its export link carries the filters) before reading the cards.
  await expect(page.getByRole("link", { name: "Descargar CSV", exact: true })).toHaveAttribute("href", /country=GT/);
  await expect(page.getByRole("link", { name: "Descargar CSV", exact: true })).toHaveAttribute("href", /course=vulnerability-referral/);
  const enrolled = await cardNumber(page, "enrolled");
  const completed = await cardNumber(page, "completed");
  expect(enrolled).toBeGreaterThanOrEqual(2);
  expect(completed).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole("table", { name: "Cuántas inscripciones llegaron a cada etapa" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Cursos completados por semana/ })).toBeVisible();

  // The overview's files hold the same figures as the cards.
  const csv = parseCsvFile(await download(page, "Descargar CSV"));
  expect(csv[0]!.slice(0, 3)).toEqual(["Tabla", "Grupo de datos", "Inscripciones"]);
  const total = csv.find((r) => r[0] === "Total")!;
  expect(Number(total[2])).toBe(enrolled);
  expect(Number(total[5])).toBe(completed);
  const xlsx = await parseXlsx(await download(page, "Descargar Excel (XLSX)"));
  const xlsxTotal = xlsx.find((r) => r[0] === "Total")!;
  expect([Number(xlsxTotal[2]), Number(xlsxTotal[5])]).toEqual([enrolled, completed]);

  // The learner list keeps the filters; only people in scope appear.
  await page.getByRole("navigation", { name: "Secciones de coordinación" }).getByRole("link", { name: "Personas", exact: true }).click();
  await expect(page).toHaveURL(/\/coordinate\/learners\?.*country=GT/);
  await expect(page.getByRole("heading", { level: 2, name: `${enrolled} ${enrolled === 1 ? "inscripción" : "inscripciones"}` })).toBeVisible();
  const table = page.getByRole("table", { name: "Personas, por grupo y curso" });
  const names = (await table.locator("tbody th").allTextContents()).map((n) => n.trim()).sort();
  expect(names).toContain("Juan Pérez");
  expect(names).toContain("Rosa Gómez");
  expect(names).not.toContain("Luis Hernández"); // Mexico: filtered out
  expect(names).not.toContain("Carlos Mejía"); // Honduras: outside the scope

  const listCsv = parseCsvFile(await download(page, "Descargar CSV"));
  expect(listCsv.slice(1).map((r) => r[0]).sort()).toEqual(names);
  const listXlsx = await parseXlsx(await download(page, "Descargar Excel (XLSX)"));
  expect(listXlsx.slice(1).map((r) => r[0]).sort()).toEqual(names);
  const juanCsv = listCsv.find((r) => r[0] === "Juan Pérez")!;
  expect(juanCsv[6]).toBe("Completado");

  // A learner: per-item states with the officer's own explanations, attempts, timeline.
  await table.getByRole("link", { name: "Juan Pérez", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Juan Pérez", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: VR_ES })).toBeVisible();
  await expect(page.getByRole("table", { name: /Intentos en «/ }).first()).toBeVisible();
  await expect(page.getByRole("table", { name: /Las últimas 100 acciones/ })).toBeVisible();

  // Rosa has not started: her page says why the course is not complete.
  await page.goBack();
  await page.getByRole("table", { name: "Personas, por grupo y curso" }).getByRole("link", { name: "Rosa Gómez", exact: true }).click();
  await expect(page.getByText("Sin empezar").first()).toBeVisible();
  await expect(page.getByText(/^Se abre cuando termine/).first()).toBeVisible();

  // A tampered filter outside the scope is refused.
  const refused = await page.goto("/coordinate?country=HN");
  expect(refused?.status()).toBe(404);
  const refusedExport = await page.request.get("/resources/report-learners?country=HN&format=csv");
  expect(refusedExport.status()).toBe(404);
});

test("the item analysis leads to each case scenario's decisions in the course, keeping the country", async ({ page }) => {
  await signInAs(page, "coordinator");
  await page.goto("/coordinate/items?course=vulnerability-referral&country=GT");
  const scenarios = page.getByRole("region", { name: "Decisiones en los casos prácticos" });
  await scenarios.getByRole("link", { name: SCENARIO_ES, exact: true }).click();
  await expect(page).toHaveURL(/\/coordinate\/scenarios\/vulnerability-referral\/asylum-not-consulate\?country=GT$/);
  await expect(page.getByRole("heading", { level: 1, name: `Decisiones en el caso: ${SCENARIO_ES}` })).toBeVisible();
});

test("coordinator pages pass axe in Spanish", async ({ page }) => {
  test.setTimeout(90_000); // five pages through axe
  await signInAs(page, "coordinator");
  for (const path of ["/coordinate", "/coordinate?course=vulnerability-referral&country=GT", "/coordinate/learners", "/coordinate/items?course=vulnerability-referral"]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expectNoAxeViolations(page, `${path} (es)`);
  }
  await page.goto("/coordinate/learners?country=GT");
  await page.getByRole("link", { name: "Juan Pérez", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Juan Pérez" })).toBeVisible();
  await expectNoAxeViolations(page, "learner page (es)");
});

test("coordinator pages pass axe in English", async ({ page }) => {
  test.setTimeout(90_000); // five pages through axe
  await signIn(page, ENGLISH_ADMIN.email);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  for (const path of ["/coordinate", "/coordinate?course=vulnerability-referral", "/coordinate/learners?sort=score&dir=desc", "/coordinate/items?course=vulnerability-referral"]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectNoAxeViolations(page, `${path} (en)`);
  }
  await page.goto("/coordinate/learners?country=HN");
  await page.getByRole("link", { name: "Carlos Mejía", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Carlos Mejía" })).toBeVisible();
  await expectNoAxeViolations(page, "learner page (en)");
});

test("coordinator pages fit a 320 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signInAs(page, "coordinator");
  for (const path of ["/coordinate?course=vulnerability-referral", "/coordinate/learners", "/coordinate/items?course=vulnerability-referral"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});
