import { rmSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, switchLanguage } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { startServer, type RunningServer } from "./helpers/server";

// The demo officer reads the lessons of a real course's first module (its quiz has a journey of
// its own in quiz-journey.spec.ts), then the server restarts
// and the course page still knows where they are. Each project (JavaScript on, off) runs its
// own server on its own embedded database, so the demo officer's progress is theirs alone.
test.describe.configure({ mode: "serial", timeout: 120_000 });

let server: RunningServer;
let dataDir = "";
let port = 0;

// eslint-disable-next-line no-empty-pattern -- Playwright passes test info second, after the fixtures object
test.beforeAll(async ({}, testInfo) => {
  // A fresh embedded database (create, migrate, seed) can take a while on a busy machine.
  test.setTimeout(120_000);
  port = testInfo.project.name === "no-js" ? 3302 : 3301;
  dataDir = `tests/.tmp/course-journey-${testInfo.project.name}`;
  rmSync(dataDir, { recursive: true, force: true });
  server = await startServer(port, { DATA_DIR: dataDir });
});

test.afterAll(async () => {
  await server?.stop();
});

const COURSE = "Trata de personas y tráfico ilícito de migrantes: distinguirlos y responder";
const MODULE_1 = ["¿Qué es la trata de personas?", "¿Qué es el tráfico ilícito de migrantes?", "Trata y tráfico: cinco diferencias"];
const MODULE_1_QUIZ = "Comprobación: Dos delitos distintos";

async function expectCoursePageState(page: Page) {
  await page.goto(`${server.url}/learn/trafficking-smuggling`);
  await expect(page.getByRole("heading", { level: 1, name: COURSE })).toBeVisible();
  await expect(page.getByText("3 de 14 actividades")).toBeVisible();
  await expect(page.getByText("21 % completado")).toBeVisible();
  await expect(page.getByRole("link", { name: `Continuar: ${MODULE_1_QUIZ}` })).toHaveAttribute("href", "/learn/trafficking-smuggling/two-crimes-quiz");
  for (const title of MODULE_1) {
    await expect(page.locator("li.item").filter({ hasText: title }).getByText("Completada", { exact: true })).toBeVisible();
  }
  // A locked module says why.
  await expect(page.getByText("Se abre cuando termine el módulo «Reconocer a una posible víctima».").first()).toBeVisible();
}

test("the demo officer reads a module's lessons; after a restart the course page shows the same progress", async ({ page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/learn`);
  await expect(page.getByRole("heading", { level: 1, name: "Mi aprendizaje" })).toBeVisible();

  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: COURSE }) });
  await expect(card.getByText("Sin empezar")).toBeVisible();
  await card.getByRole("link", { name: `Empezar: ${COURSE}` }).click();

  for (const [index, title] of MODULE_1.entries()) {
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Fuentes" })).toBeVisible();
    await page.getByRole("button", { name: "Listo, siguiente" }).click();
    const next = MODULE_1[index + 1] ?? MODULE_1_QUIZ;
    await expect(page.getByRole("heading", { level: 1, name: next })).toBeVisible();
  }
  await expectCoursePageState(page);

  // Restart the server on the same data folder; the session itself lives in the database.
  expect(await server.stop(), server.recentLog()).toBe(0);
  server = await startServer(port, { DATA_DIR: dataDir });
  await expectCoursePageState(page);
  await page.goto(`${server.url}/learn`);
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: COURSE }) }).getByText("En curso")).toBeVisible();
});

test("a locked lesson opened directly says what opens it and cannot be completed", async ({ page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/learn`);
  const response = await page.goto(`${server.url}/learn/trafficking-smuggling/referral-and-reporting`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Esta actividad todavía está bloqueada.")).toBeVisible();
  await expect(page.getByText("Se abre cuando termine el módulo «Reconocer a una posible víctima».")).toBeVisible();
  await expect(page.getByRole("button", { name: "Listo, siguiente" })).toHaveCount(0);
});

test("the catalogue, course and lesson pages pass axe in Spanish and English", async ({ page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/learn`);
  for (const lang of ["es", "en"] as const) {
    if (lang === "en") await switchLanguage(page, "en");
    for (const path of ["/learn", "/learn/trafficking-smuggling", "/learn/trafficking-smuggling/what-is-trafficking", "/learn/trafficking-smuggling/referral-and-reporting"]) {
      await page.goto(`${server.url}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectNoAxeViolations(page, `${path} (${lang})`);
    }
  }
  await expect(page.getByRole("heading", { level: 1, name: "Where to refer and report" })).toBeVisible();
  await switchLanguage(page, "es");
});

