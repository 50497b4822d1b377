import { rmSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { loadContent } from "../../app/content/load.server";
import { pick } from "../../app/content/model";
import type { Outcome } from "../../app/content/scenario-schema";
import { progressCourse } from "../../app/content/progress-course";
import { completeItem } from "../../app/models/learning/item-progress.server";
import { offeredChoices, type Decision, type Scenario } from "../../app/scenario/compile";
import { createDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seeds/demo";
import { DEMO, signIn, switchLanguage } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { startServer, type RunningServer } from "./helpers/server";

// The demo officer plays a real case scenario to a harmful ending, reads the debrief, replays it
// to the protected ending, and the course item is complete; the demo coordinator then sees the
// two plays in the decision report. The paths are worked out from the scenario file, so the
// journey follows the content as it is written. Each project runs its own server and database.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const COURSE_ID = "unaccompanied-children";
const SCENARIO_ID = "girl-alone-at-checkpoint";
const course = loadContent("content/courses").catalog.courses.get(COURSE_ID)!;
const scenario = course.scenarios.get(SCENARIO_ID)!;
const ITEM_TITLE = pick(course.items.get(SCENARIO_ID)!.title, "es");

/** The shortest play that ends with the given outcome, as the Spanish texts of its choices. */
function shortestPlay(s: Scenario, outcome: Outcome): { texts: string[]; path: Decision[] } {
  const queue: { node: string; path: Decision[]; texts: string[] }[] = [{ node: s.file.start, path: [], texts: [] }];
  while (queue.length) {
    const { node, path, texts } = queue.shift()!;
    for (const choice of offeredChoices(s.nodes.get(node)!, path)) {
      const next = { path: [...path, { node, choice: choice.id }], texts: [...texts, pick(choice.text, "es")] };
      const ending = s.endings.get(choice.to);
      if (ending?.outcome === outcome) return next;
      if (!ending) queue.push({ node: choice.to, ...next });
    }
  }
  throw new Error(`no play of ${s.id} ends ${outcome}`);
}

let server: RunningServer;
let dataDir = "";

// eslint-disable-next-line no-empty-pattern -- Playwright passes test info second, after the fixtures object
test.beforeAll(async ({}, testInfo) => {
  // A fresh embedded database (create, migrate, seed) can take a while on a busy machine.
  test.setTimeout(120_000);
  const port = testInfo.project.name === "no-js" ? 3322 : 3321;
  dataDir = `tests/.tmp/scenario-journey-${testInfo.project.name}`;
  rmSync(dataDir, { recursive: true, force: true });
  // The scenario sits in the second module: the officer has already finished the first.
  const db = createDb({ dataDir });
  await migrateToLatest(db);
  await seedDemo(db);
  const officer = await db.selectFrom("people").select("id").where("email", "=", DEMO.officer.email).executeTakeFirstOrThrow();
  const progress = { ...progressCourse(course), id: COURSE_ID };
  for (const item of course.modules[0]!.items) {
    await db.transaction().execute((trx) => completeItem(trx, officer.id, progress, item.id, item.kind));
  }
  await db.destroy();
  server = await startServer(port, { DATA_DIR: dataDir });
});

test.afterAll(async () => {
  await server?.stop();
});


async function play(page: Page, texts: string[], axe: boolean) {
  for (const [index, text] of texts.entries()) {
    await expect(page.getByText(`Decisión ${index + 1}`, { exact: true })).toBeVisible();
    if (index > 0) await expect(page.getByRole("heading", { name: "Sus decisiones hasta ahora" })).toBeVisible();
    if (axe && index === 1) await expectNoAxeViolations(page, "scenario decision");
    await page.getByRole("radio", { name: text, exact: true }).check();
    await page.getByRole("button", { name: "Decidir" }).click();
  }
}

test("the officer plays to a harmful ending, reads the debrief, replays to the protected ending and the item is complete", async ({ page }) => {
  const harmful = shortestPlay(scenario, "harmful");
  const best = shortestPlay(scenario, "protected");
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/learn`);
  await page.goto(`${server.url}/learn/${COURSE_ID}/${SCENARIO_ID}`);
  await expect(page.getByRole("heading", { level: 1, name: ITEM_TITLE })).toBeVisible();
  await expect(page.getByRole("heading", { name: "La situación" })).toBeVisible();
  await expectNoAxeViolations(page, "scenario intro");
  await page.getByRole("button", { name: "Empezar el caso" }).click();

  // Before deciding, the page does not give away why a choice is good or bad.
  const firstFeedback = pick(scenario.nodes.get(scenario.file.start)!.choices[0]!.feedback, "es");
  expect(await page.content()).not.toContain(firstFeedback.slice(0, 40));
  await play(page, harmful.texts, true);

  await expect(page.getByRole("status").getByText("Resultado: la persona quedó en riesgo")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Repaso de sus decisiones" })).toBeVisible();
  const review = page.locator(".scenario-review > li");
  await expect(review).toHaveCount(harmful.path.length);
  for (const [i, decision] of harmful.path.entries()) {
    const choice = scenario.nodes.get(decision.node)!.choices.find((c) => c.id === decision.choice)!;
    await expect(review.nth(i)).toContainText(pick(choice.text, "es"));
    await expect(review.nth(i)).toContainText(pick(choice.feedback, "es").split("\n")[0]!.slice(0, 40));
  }
  await expect(page.getByRole("heading", { name: "Qué dicen los instrumentos" })).toBeVisible();
  await expect(page.getByText("El caso cuenta como completado cuando llega a un resultado")).toBeVisible();
  await expectNoAxeViolations(page, "scenario debrief (harmful)");

  await page.getByRole("button", { name: "Volver a jugar" }).click();
  await play(page, best.texts, false);
  await expect(page.getByRole("status").getByText("Resultado: persona protegida y referida correctamente")).toBeVisible();
  await expect(page.getByText("Este caso ya cuenta como completado en el curso.")).toBeVisible();
  await expect(page.getByText("Lo ha jugado 2 veces")).toBeVisible();
  await switchLanguage(page, "en");
  await expect(page.getByRole("status").getByText("Outcome: the person was protected and referred correctly")).toBeVisible();
  await expectNoAxeViolations(page, "scenario debrief (en)");
  await switchLanguage(page, "es");

  await page.goto(`${server.url}/learn/${COURSE_ID}`);
  await expect(page.locator("li.item").filter({ hasText: ITEM_TITLE }).getByText("Completada", { exact: true })).toBeVisible();
});

test("a doubled decision is taken once, and a stale page says what happened", async ({ page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/learn`);
  await page.goto(`${server.url}/learn/${COURSE_ID}/${SCENARIO_ID}`);
  await page.getByRole("button", { name: "Volver a jugar" }).click();
  await expect(page.getByText("Decisión 1", { exact: true })).toBeVisible();
  // The same step open in two tabs: the second tab's decision finds the play moved on.
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByText("Decisión 1", { exact: true })).toBeVisible();
  const first = pick(scenario.nodes.get(scenario.file.start)!.choices[0]!.text, "es");
  await page.getByRole("radio", { name: first, exact: true }).check();
  await page.getByRole("button", { name: "Decidir" }).click();
  await expect(page.getByText("Decisión 2", { exact: true })).toBeVisible();
  await other.getByRole("radio", { name: first, exact: true }).check();
  await other.getByRole("button", { name: "Decidir" }).click();
  await expect(other.getByText("Este caso cambió en otra pestaña o ventana.")).toBeVisible();
  await expect(other.getByText("Decisión 2", { exact: true })).toBeVisible();
  await other.close();
  await switchLanguage(page, "en");
  await expect(page.getByText("Decision 2", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "scenario decision (en)");
  await switchLanguage(page, "es");
});

test("the coordinator's decision report counts the officer's plays, in Spanish and English", async ({ page }) => {
  await signIn(page, DEMO.coordinator.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/coordinate`);
  await page.goto(`${server.url}/coordinate/scenarios`);
  await page.getByRole("link", { name: ITEM_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Decisiones en el caso: ${ITEM_TITLE}` })).toBeVisible();
  // Three plays began at the first decision point: harmful, protected, and the one left open.
  const harmful = shortestPlay(scenario, "harmful");
  const best = shortestPlay(scenario, "protected");
  const table = page.getByRole("table", { name: "Punto 1" });
  const startChoices = [harmful.path[0]!.choice, best.path[0]!.choice, scenario.nodes.get(scenario.file.start)!.choices[0]!.id];
  for (const choice of scenario.nodes.get(scenario.file.start)!.choices) {
    const expected = startChoices.filter((c) => c === choice.id).length;
    await expect(table.locator(`tr[data-choice="${choice.id}"] td`).last()).toHaveText(String(expected));
  }
  const outcomes = page.getByRole("table", { name: "Partidas terminadas por resultado" });
  await expect(outcomes.getByRole("row", { name: /persona protegida/ }).getByRole("cell")).toHaveText("1");
  await expect(outcomes.getByRole("row", { name: /quedó en riesgo/ }).getByRole("cell")).toHaveText("1");
  await expectNoAxeViolations(page, "scenario decision report (es)");

  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: /^Decisions in the case:/ })).toBeVisible();
  await expectNoAxeViolations(page, "scenario decision report (en)");
});
