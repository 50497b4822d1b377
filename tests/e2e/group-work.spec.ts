import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { parse, stringify } from "yaml";
import { DEMO, DEMO_COHORT, signIn, signInAs, switchLanguage } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { startServer, type RunningServer } from "./helpers/server";

// A group activity as the demo cohort lives it, on a copy of a real course whose group task is
// moved into the first module (so the demo officers of one country can open it). The facilitator
// forms country teams; two of the three Guatemalan officers write the team's text together (the stale save
// shows the conflict and loses nothing) and hand it in; the facilitator scores the rubric and
// accepts it; both see the feedback and the item complete. Each project runs its own server.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const COURSE = "trafficking-smuggling";
const TASK = "checkpoint-protocol";
const TASK_URL = `/learn/${COURSE}/${TASK}`;
const TITLE = "Actividad en grupo: un protocolo para nuestros puntos de control";
// A second task, with peer review: each country team comments on the other's route.
const REVIEWED_COURSE = "unaccompanied-children";
const REVIEWED_TASK = "referral-route-map";
const REVIEWED_URL = `/learn/${REVIEWED_COURSE}/${REVIEWED_TASK}`;
const REVIEWED_TITLE = "Actividad en grupo: la ruta de referencia de nuestro país";
const JUAN = "juan.perez@learners.demo.sendero.test";
const ROSA = "rosa.gomez@learners.demo.sendero.test";

let server: RunningServer;

// eslint-disable-next-line no-empty-pattern -- Playwright passes test info second, after the fixtures object
test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(120_000);
  const port = testInfo.project.name === "no-js" ? 3342 : 3341;
  const dataDir = `tests/.tmp/group-work-data-${testInfo.project.name}`;
  const contentDir = `tests/.tmp/group-work-content-${testInfo.project.name}`;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(contentDir, { recursive: true, force: true });
  // Each group task moves to the end of its course's first module, which every officer can open.
  for (const [courseId, taskId] of [
    [COURSE, TASK],
    [REVIEWED_COURSE, REVIEWED_TASK],
  ] as const) {
    cpSync(`content/courses/${courseId}`, `${contentDir}/${courseId}`, { recursive: true });
    const coursePath = `${contentDir}/${courseId}/course.yaml`;
    const course = parse(readFileSync(coursePath, "utf8")) as { modules: { items: { id: string }[] }[] };
    const from = course.modules.find((m) => m.items.some((i) => i.id === taskId))!;
    const item = from.items.splice(from.items.findIndex((i) => i.id === taskId), 1)[0]!;
    course.modules[0]!.items.push(item);
    writeFileSync(coursePath, stringify(course));
  }
  server = await startServer(port, { DATA_DIR: dataDir, CONTENT_DIR: contentDir });
});

test.afterAll(async () => {
  await server?.stop();
});

async function personPage(browser: Browser, javaScriptEnabled: boolean, email?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled, locale: "es-MX" });
  const page = await context.newPage();
  if (email) await signIn(page, email);
  return page;
}

test("two members write the team's text together, hand it in, and both see the facilitator's feedback and the item complete", async ({ browser }, testInfo) => {
  const js = testInfo.project.name !== "no-js";
  const facilitator = await personPage(browser, js);
  await signInAs(facilitator, "facilitator");

  // The facilitator forms one team per country.
  await facilitator.goto("/facilitate/teams");
  await facilitator.getByRole("link", { name: DEMO_COHORT, exact: true }).click();
  await facilitator.getByLabel("Un equipo por país", { exact: true }).check();
  await facilitator.getByRole("button", { name: "Formar los equipos", exact: true }).click();
  await expect(facilitator.getByRole("table", { name: /^Equipo Guatemala: 3 personas$/ })).toBeVisible();
  const cohortPage = facilitator.url();

  // Juan starts the team's text from the template's headings.
  const juan = await personPage(browser, js, JUAN);
  await juan.goto(TASK_URL);
  await expect(juan.getByRole("heading", { level: 2, name: "El trabajo del equipo «Equipo Guatemala»", exact: true })).toBeVisible();
  const text = juan.getByLabel("Texto del equipo", { exact: true });
  await expect(text).toHaveValue(/## Señales que miramos/);
  await text.fill("## Señales que miramos\n\nDocumentos retenidos por otra persona.");
  await juan.getByRole("button", { name: "Guardar el texto", exact: true }).click();
  await expect(juan.getByRole("status")).toHaveText("Se guardó la versión 1 del texto del equipo.");
  await expectNoAxeViolations(juan, "the team's text, saved");

  // Rosa opens version 1; meanwhile Juan saves version 2; Rosa's save is then a conflict.
  const rosa = await personPage(browser, js, ROSA);
  await rosa.goto(TASK_URL);
  await expect(rosa.getByLabel("Texto del equipo", { exact: true })).toHaveValue("## Señales que miramos\n\nDocumentos retenidos por otra persona.");
  await text.fill("## Señales que miramos\n\nDocumentos retenidos por otra persona.\nUn relato aprendido de memoria.");
  await juan.getByRole("button", { name: "Guardar el texto", exact: true }).click();
  await expect(juan.getByRole("status")).toHaveText("Se guardó la versión 2 del texto del equipo.");
  const rosasText = "## Señales que miramos\n\nDocumentos retenidos por otra persona.\n\n## A quién canalizamos\n\nA la fiscalía especializada.";
  await rosa.getByLabel("Texto del equipo", { exact: true }).fill(rosasText);
  await rosa.getByRole("button", { name: "Guardar el texto", exact: true }).click();
  await expect(rosa.getByRole("alert")).toContainText("Alguien del equipo guardó otra versión mientras usted escribía.");
  await expect(rosa.locator(".conflict-theirs")).toHaveText(/Un relato aprendido de memoria\./);
  // Nothing she typed is lost: it is still in the box, now named as her unsaved version.
  const mine = rosa.getByLabel("Su versión (todavía sin guardar)", { exact: true });
  await expect(mine).toHaveValue(rosasText);
  await expectNoAxeViolations(rosa, "a conflict between two saves");
  const combined = "## Señales que miramos\n\nDocumentos retenidos por otra persona.\nUn relato aprendido de memoria.\n\n## A quién canalizamos\n\nA la fiscalía especializada.";
  await mine.fill(combined);
  await rosa.getByRole("button", { name: "Guardar el texto", exact: true }).click();
  await expect(rosa.getByRole("status")).toHaveText("Se guardó la versión 3 del texto del equipo.");

  // Juan reads the team's latest text and hands it in.
  await juan.goto(TASK_URL);
  await expect(text).toHaveValue(combined);
  await juan.getByRole("button", { name: "Entregar el trabajo del equipo", exact: true }).click();
  await expect(juan.getByRole("status")).toHaveText("El equipo entregó su trabajo.");
  await expect(juan.getByText("Entregado: quien facilita lo revisará y dará su retroalimentación.")).toBeVisible();

  // The facilitator reads it and scores the rubric; a criterion left out is refused, keeping the rest.
  await facilitator.goto(cohortPage);
  await facilitator.getByRole("link", { name: TITLE, exact: true }).click();
  const team = facilitator.getByRole("region", { name: "Equipo Guatemala (3 personas)" });
  await expect(team).toContainText("Entregado (versión 3): espera su retroalimentación.");
  await expect(team.locator(".team-text")).toContainText("A la fiscalía especializada.");
  await expectNoAxeViolations(facilitator, "the teams' work of a group task");
  const criteria = team.locator("fieldset.rubric-score");
  await expect(criteria).toHaveCount(4);
  for (let i = 0; i < 3; i++) await criteria.nth(i).getByLabel("3 · Sólido", { exact: true }).check();
  const feedback = "Las señales están claras. Falta decir qué no hacemos.";
  await team.getByLabel("Retroalimentación para el equipo", { exact: true }).fill(feedback);
  await team.getByRole("button", { name: "Aceptar el trabajo", exact: true }).click();
  await expect(team.getByRole("alert")).toHaveText("Elija un nivel para cada criterio.");
  await expect(team.getByLabel("Retroalimentación para el equipo", { exact: true })).toHaveValue(feedback);
  await expect(criteria.nth(0).getByLabel("3 · Sólido", { exact: true })).toBeChecked();
  await expectNoAxeViolations(facilitator, "a refused assessment");
  await criteria.nth(3).getByLabel("2 · En desarrollo", { exact: true }).check();
  await team.getByRole("button", { name: "Aceptar el trabajo", exact: true }).click();
  await expect(facilitator.getByRole("status")).toHaveText("Se aceptó el trabajo. La actividad quedó terminada para 3 personas del equipo.");
  await expect(team).toContainText("aceptado con 11 de 12");

  // Both members see the feedback, the score and the item complete.
  for (const member of [juan, rosa]) {
    await member.goto(TASK_URL);
    const given = member.getByRole("region", { name: "Retroalimentación de quien facilita" });
    await expect(given).toContainText("Trabajo aceptado (versión 3)");
    await expect(given).toContainText("Puntuación: 11 de 12");
    await expect(given).toContainText(feedback);
    await expect(member.getByText("Ya completó esta actividad.")).toBeVisible();
  }
  await expectNoAxeViolations(rosa, "the feedback on accepted work");
  await switchLanguage(rosa, "en");
  await expect(rosa.getByRole("region", { name: "The facilitator's feedback" })).toContainText("Score: 11 out of 12");
  await expectNoAxeViolations(rosa, "the feedback on accepted work, in English");
  await switchLanguage(rosa, "es");
  await juan.goto(`/learn/${COURSE}`);
  await expect(juan.locator("li.item").filter({ hasText: TITLE }).getByText("Completada", { exact: true })).toBeVisible();

  for (const p of [facilitator, juan, rosa]) await p.context().close();
});

test("the coordinator's overview shows each team's work and offers it as a download", async ({ browser }, testInfo) => {
  const coordinator = await personPage(browser, testInfo.project.name !== "no-js");
  await signInAs(coordinator, "coordinator");
  await coordinator.goto("/coordinate");
  const table = coordinator.getByRole("table", { name: /^El trabajo de cada equipo/ });
  const row = table.getByRole("row").filter({ has: coordinator.getByRole("rowheader", { name: "Equipo Guatemala", exact: true }) }).filter({ hasText: TITLE });
  await expect(row).toContainText("Aceptado");
  await expect(row).toContainText("11 de 12");
  await expect(row.locator("time")).toHaveCount(2);
  // The download under the table holds the same row (the context's request shares the session).
  const csvHref = await coordinator.getByRole("link", { name: "Descargar CSV", exact: true }).last().getAttribute("href");
  expect(csvHref).toMatch(/^\/resources\/report-team-work\?.*format=csv$/);
  const csv = await coordinator.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\r\n").filter((line) => line.includes("Equipo Guatemala") && line.includes(",Aceptado,11,12,"))).toHaveLength(1);
  await expectNoAxeViolations(coordinator, "the overview with the teams' work");
  await switchLanguage(coordinator, "en");
  await expect(coordinator.getByRole("table", { name: /^Each team's work/ }).getByRole("row").filter({ hasText: "11 of 12" })).toHaveCount(1);
  await expectNoAxeViolations(coordinator, "the overview with the teams' work, in English");
  await coordinator.context().close();
});

test("with peer review on, each team comments on the other's work and reads the comment on its own once the window closes", async ({ browser }, testInfo) => {
  const js = testInfo.project.name !== "no-js";
  const facilitator = await personPage(browser, js);
  await signInAs(facilitator, "facilitator");
  const juan = await personPage(browser, js, JUAN);
  const ana = await personPage(browser, js, DEMO.officer.email);

  // Guatemala and Mexico each write their route and hand it in (the teams were formed above).
  for (const [member, text] of [
    [juan, "## Primer contacto en el puesto\n\nAvisamos primero a la Procuraduría de la Niñez, también de noche."],
    [ana, "## Primer contacto en el puesto\n\nAvisamos primero a la Procuraduría de Protección de Niñas, Niños y Adolescentes."],
  ] as const) {
    await member.goto(REVIEWED_URL);
    await expect(member.getByRole("region", { name: "Revisión entre equipos" })).toContainText("Después de la entrega, quien facilita reparte los trabajos");
    await member.getByLabel("Texto del equipo", { exact: true }).fill(text);
    await member.getByRole("button", { name: "Guardar el texto", exact: true }).click();
    await expect(member.getByRole("status")).toHaveText("Se guardó la versión 1 del texto del equipo.");
    await member.getByRole("button", { name: "Entregar el trabajo del equipo", exact: true }).click();
    await expect(member.getByRole("status")).toHaveText("El equipo entregó su trabajo.");
  }

  // The facilitator hands the reviews out, and accepts Guatemala's route: its items wait for its review.
  await facilitator.goto("/facilitate/teams");
  await facilitator.getByRole("link", { name: DEMO_COHORT, exact: true }).click();
  await facilitator.getByRole("link", { name: REVIEWED_TITLE, exact: true }).click();
  const reviews = facilitator.getByRole("region", { name: "Revisión entre equipos" });
  await reviews.getByRole("button", { name: "Repartir las revisiones ahora", exact: true }).click();
  await expect(facilitator.getByRole("status")).toHaveText("Se repartieron las revisiones entre los equipos que entregaron.");
  await expect(reviews.getByRole("table", { name: "Revisiones repartidas" }).getByRole("row").filter({ hasText: "Todavía sin escribir" })).toHaveCount(2);
  const guatemala = facilitator.getByRole("region", { name: "Equipo Guatemala (3 personas)" });
  const criteria = guatemala.locator("fieldset.rubric-score");
  for (let i = 0; i < (await criteria.count()); i++) await criteria.nth(i).getByLabel("3 · Sólido", { exact: true }).check();
  await guatemala.getByLabel("Retroalimentación para el equipo", { exact: true }).fill("Ruta clara, con el aviso nocturno.");
  await guatemala.getByRole("button", { name: "Aceptar el trabajo", exact: true }).click();
  await expect(facilitator.getByRole("status")).toHaveText("Se aceptó el trabajo. La actividad quedará terminada cuando el equipo haya enviado sus comentarios a los otros equipos.");
  await expectNoAxeViolations(facilitator, "the peer review handed out");

  // Mexico comments on Guatemala's route.
  await ana.goto(REVIEWED_URL);
  const anasReview = ana.getByRole("region", { name: "Revisión entre equipos" });
  await expect(anasReview.getByRole("article", { name: "El trabajo del equipo «Equipo Guatemala»" })).toContainText("también de noche");
  const comment = "Nos llevamos su aviso nocturno. Falta decir quién acompaña al NNA en el traslado.";
  await anasReview.getByLabel("El comentario de su equipo para «Equipo Guatemala»", { exact: true }).fill(comment);
  await anasReview.getByRole("button", { name: "Enviar el comentario del equipo", exact: true }).click();
  await expect(ana.getByRole("status")).toHaveText("Se envió el comentario de su equipo.");

  // Guatemala cannot read it while the window is open; it writes its own comment, and its item completes.
  await juan.goto(REVIEWED_URL);
  await expect(juan.getByText("El trabajo de su equipo fue aceptado. La actividad se completa cuando su equipo haya enviado sus comentarios a los otros equipos.")).toBeVisible();
  const juansReview = juan.getByRole("region", { name: "Revisión entre equipos" });
  await expect(juansReview).toContainText("1 de 1 comentario escrito. Lo leerá cuando cierre la ventana de revisión:");
  await expect(juansReview).not.toContainText(comment);
  await expectNoAxeViolations(juan, "a review to write, and one received but not shown yet");
  await juansReview.getByLabel("El comentario de su equipo para «Equipo México»", { exact: true }).fill("Muy clara la cadena de avisos.");
  await juansReview.getByRole("button", { name: "Enviar el comentario del equipo", exact: true }).click();
  // Its work was accepted and its review is written: the item completes on the same answer.
  await expect(juan.getByRole("status")).toHaveText(["Se envió el comentario de su equipo.", "Ya completó esta actividad."]);

  // The facilitator closes the window; Guatemala now reads Mexico's comment.
  await facilitator.reload();
  await reviews.getByRole("button", { name: "Cerrar la ventana ahora", exact: true }).click();
  await expect(facilitator.getByRole("status")).toHaveText("Se cerró la ventana de revisión: los equipos ya leen los comentarios.");
  await juan.goto(REVIEWED_URL);
  await expect(juansReview).toContainText("Del equipo «Equipo México»");
  await expect(juansReview).toContainText(comment);
  await expectNoAxeViolations(juan, "the reviews received, after the window");
  await switchLanguage(juan, "en");
  await expect(juan.getByRole("region", { name: "Peer review between teams" })).toContainText("From team “Equipo México”");
  await expectNoAxeViolations(juan, "the reviews received, in English");
  await switchLanguage(juan, "es");

  for (const p of [facilitator, juan, ana]) await p.context().close();
});
