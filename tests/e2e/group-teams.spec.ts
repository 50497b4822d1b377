import { expect, test, type Page } from "@playwright/test";
import { DEMO_COHORT, signInAs } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { startServer, type RunningServer } from "./helpers/server";

// The facilitator forms the demo cohort's teams for group activities, one per country, in one
// step, then changes them by hand: a team created by name, an officer moved into it. Each project
// runs its own server (beside this run's port), so the other project's forming the teams again
// cannot delete the team made by hand halfway through.
test.describe.configure({ mode: "serial", timeout: 120_000 });

let server: RunningServer;
let page: Page;

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const port = Number(process.env.E2E_PORT ?? 3100) + (testInfo.project.name === "no-js" ? 15 : 14);
  server = await startServer(port, { DATA_DIR: `tests/.tmp/group-teams-data-${port}` });
  const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: testInfo.project.name !== "no-js", locale: "es-MX" });
  page = await context.newPage();
});

test.afterAll(async () => {
  await page?.context().close();
  await server?.stop();
});

test("the facilitator forms one team per country for the demo cohort", async () => {
  await signInAs(page, "facilitator");
  await page.getByRole("link", { name: "Equipos para las actividades en grupo", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Equipos de los grupos", exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "the facilitator's cohorts for teams");
  await page.getByRole("link", { name: DEMO_COHORT, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Equipos de «${DEMO_COHORT}»`, exact: true })).toBeVisible();
  await page.getByLabel("Un equipo por país", { exact: true }).check();
  await page.getByRole("button", { name: "Formar los equipos", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(/^Se formaron \d+ equipos\.$/);
  // The demo cohort's officers come from Mexico and Guatemala.
  await expect(page.getByRole("table", { name: /^Equipo Guatemala: \d+ personas?$/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Equipo México: \d+ personas?$/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Equipo Guatemala/ }).getByRole("rowheader", { name: "Juan Pérez", exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "a cohort's teams");
});

test("the facilitator creates a team by hand and moves an officer into it", async () => {
  // A name already taken is refused, and what was typed stays in the field.
  const name = page.getByLabel("Nombre del equipo", { exact: true });
  await name.fill("equipo guatemala");
  await page.getByRole("button", { name: "Crear el equipo", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Ya hay un equipo con ese nombre en este grupo. Elija otro nombre.");
  await expect(name).toHaveValue("equipo guatemala");
  await expectNoAxeViolations(page, "a refused team name");

  await name.fill("  Equipo de enlace  ");
  await page.getByRole("button", { name: "Crear el equipo", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Se creó el equipo «Equipo de enlace».");
  await expect(page.getByRole("table", { name: "Equipo de enlace: 0 personas", exact: true })).toBeVisible();
  await expect(name).toHaveValue("");

  const guatemala = page.getByRole("table", { name: /^Equipo Guatemala/ });
  await guatemala.getByLabel("Equipo para Juan Pérez", { exact: true }).selectOption({ label: "Equipo de enlace" });
  await guatemala.getByRole("button", { name: "Mover a Juan Pérez", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Juan Pérez pasó al equipo «Equipo de enlace».");
  const enlace = page.getByRole("table", { name: "Equipo de enlace: 1 persona", exact: true });
  await expect(enlace.getByRole("rowheader", { name: "Juan Pérez", exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Equipo Guatemala/ }).getByRole("rowheader", { name: "Juan Pérez", exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, "a team made by hand");
});
