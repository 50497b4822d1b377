import { cpSync, rmSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { stringify } from "yaml";
import { DEMO, signIn, switchLanguage } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { startServer, type RunningServer } from "./helpers/server";

// The quiz journey on a copy of a real course whose first module's quiz is replaced by a small
// one of known answers with a retry wait of three seconds (the fixture). Each project runs its
// own server.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const QUIZ_URL = "/learn/trafficking-smuggling/two-crimes-quiz";
const WHY_RIGHT = "Así es: la trata atenta contra la persona.";
const WHY_WRONG = "No: el tráfico ilícito es un delito contra el Estado.";
const both = (es: string, en: string) => ({ es, en });
const QUIZ = {
  pass_mark: 80,
  attempts: 5,
  retry_wait_minutes: 0.05,
  feedback: "immediate",
  review: "answers-after-pass",
  grading: "highest",
  questions: [
    {
      id: "against-whom",
      type: "single",
      fixed_order: true,
      prompt: both("¿Qué delito atenta contra la persona?", "Which crime is against the person?"),
      options: [
        { id: "trafficking", text: both("La trata de personas", "Trafficking in persons"), correct: true, feedback: both(WHY_RIGHT, "Yes: trafficking is a crime against the person.") },
        { id: "smuggling", text: both("El tráfico ilícito de migrantes", "Smuggling of migrants"), feedback: both(WHY_WRONG, "No: smuggling is a crime against the state.") },
      ],
    },
    {
      id: "consent",
      type: "true-false",
      prompt: both("Si la persona aceptó el trabajo, ya no puede haber trata.", "If the person accepted the job, it cannot be trafficking."),
      answer: false,
      feedback: { correct: both("Correcto: el consentimiento no cuenta si hubo engaño o coacción.", "Right: consent does not count once deception or coercion was used."), incorrect: both("El consentimiento no cuenta si hubo engaño o coacción.", "Consent does not count once deception or coercion was used.") },
    },
    {
      id: "elements",
      type: "multiple",
      fixed_order: true,
      prompt: both("¿Qué elementos forman la trata de una persona adulta?", "Which elements make up the trafficking of an adult?"),
      options: [
        { id: "act", text: both("Un acto", "An act"), correct: true, feedback: both("Sí: captar, trasladar, acoger…", "Yes: recruiting, moving, harbouring…") },
        { id: "means", text: both("Un medio", "A means"), correct: true, feedback: both("Sí: engaño, amenaza, abuso…", "Yes: deception, threat, abuse…") },
        { id: "purpose", text: both("Un fin de explotación", "A purpose of exploitation"), correct: true, feedback: both("Sí: es lo que define la trata.", "Yes: it is what defines trafficking.") },
        { id: "border", text: both("Cruzar una frontera", "Crossing a border"), feedback: both("No: la trata puede ocurrir dentro de un país.", "No: trafficking can happen inside one country.") },
      ],
    },
  ],
};

let server: RunningServer;
let port = 0;
let dataDir = "";
let contentDir = "";

// eslint-disable-next-line no-empty-pattern -- Playwright passes test info second, after the fixtures object
test.beforeAll(async ({}, testInfo) => {
  // A fresh embedded database (create, migrate, seed) can take a while on a busy machine.
  test.setTimeout(120_000);
  port = testInfo.project.name === "no-js" ? 3312 : 3311;
  dataDir = `tests/.tmp/quiz-journey-data-${testInfo.project.name}`;
  contentDir = `tests/.tmp/quiz-journey-content-${testInfo.project.name}`;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(contentDir, { recursive: true, force: true });
  cpSync("content/courses/trafficking-smuggling", `${contentDir}/trafficking-smuggling`, { recursive: true });
  // The first module's quiz is replaced by the fixture (known answers, a short retry wait).
  writeFileSync(`${contentDir}/trafficking-smuggling/quizzes/two-crimes-quiz.yaml`, stringify(QUIZ));
  server = await startServer(port, { DATA_DIR: dataDir, CONTENT_DIR: contentDir });
});

test.afterAll(async () => {
  await server?.stop();
});


async function answerAll(page: Page, right: boolean, axe = false) {
  await expect(page.getByText("Pregunta 1 de 3")).toBeVisible();
  // The answer key and the teaching feedback are not in the page before answering.
  expect(await page.content()).not.toContain(WHY_RIGHT);
  expect(await page.content()).not.toContain(WHY_WRONG);
  if (axe) await expectNoAxeViolations(page, "quiz question");
  await page.getByLabel(right ? "La trata de personas" : "El tráfico ilícito de migrantes", { exact: true }).check();
  await page.getByRole("button", { name: "Responder" }).click();
  await expect(page.getByText(right ? "Respuesta correcta." : "Respuesta incorrecta.", { exact: true })).toBeVisible();
  await expect(page.getByText(right ? WHY_RIGHT : WHY_WRONG)).toBeVisible();
  if (axe) await expectNoAxeViolations(page, "quiz feedback");
  await page.getByRole("button", { name: "Siguiente pregunta" }).click();

  await expect(page.getByText("Pregunta 2 de 3")).toBeVisible();
  await page.getByLabel(right ? "Falso" : "Verdadero", { exact: true }).check();
  await page.getByRole("button", { name: "Responder" }).click();
  await page.getByRole("button", { name: "Siguiente pregunta" }).click();

  await expect(page.getByText("Pregunta 3 de 3")).toBeVisible();
  for (const label of right ? ["Un acto", "Un medio", "Un fin de explotación"] : ["Cruzar una frontera"]) await page.getByLabel(label, { exact: true }).check();
  await page.getByRole("button", { name: "Responder" }).click();
  await page.getByRole("button", { name: "Ver el resumen" }).click();
  await expect(page.getByRole("heading", { name: "Resumen antes de enviar" })).toBeVisible();
  if (axe) await expectNoAxeViolations(page, "quiz summary");
  await page.getByRole("button", { name: "Enviar respuestas" }).click();
}

test("the demo officer fails the module quiz, waits, passes it and sees the module complete", async ({ page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/learn`);
  // The module's three lessons first; the last one's "done, next" leads to the quiz.
  await page.goto(`${server.url}/learn/trafficking-smuggling/what-is-trafficking`);
  for (const next of ["¿Qué es el tráfico ilícito de migrantes?", "Trata y tráfico: cinco diferencias", "Comprobación: Dos delitos distintos"]) {
    await page.getByRole("button", { name: "Listo, siguiente" }).click();
    await expect(page.getByRole("heading", { level: 1, name: next })).toBeVisible();
  }
  await expect(page).toHaveURL(`${server.url}${QUIZ_URL}`);
  await expect(page.getByRole("heading", { level: 1, name: "Comprobación: Dos delitos distintos" })).toBeVisible();
  await expectNoAxeViolations(page, "quiz intro");
  await page.getByRole("button", { name: "Empezar el cuestionario" }).click();
  await answerAll(page, false, true);

  await expect(page.getByText("Su resultado: 0 %")).toBeVisible();
  await expect(page.getByText("Todavía no aprueba: se necesita 80 %.")).toBeVisible();
  await expect(page.getByText("Podrá intentarlo de nuevo a partir de")).toBeVisible();
  await expect(page.getByText("Intentos: 1 de 5")).toBeVisible();
  // The review opens only after a pass.
  await expect(page.getByRole("heading", { name: "Sus respuestas" })).toHaveCount(0);
  await expectNoAxeViolations(page, "quiz result, failed");

  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("button", { name: "Intentar de nuevo" })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("button", { name: "Intentar de nuevo" }).click();
  await answerAll(page, true);
  await expect(page.getByText("Su resultado: 100 %")).toBeVisible();
  await expect(page.getByText("Aprobó (se necesita 80 %).")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sus respuestas" })).toBeVisible();
  await expectNoAxeViolations(page, "quiz result, passed, with review");

  await page.goto(`${server.url}/learn/trafficking-smuggling`);
  await expect(page.locator("li.item").filter({ hasText: "Comprobación: Dos delitos distintos" }).getByText("Completada", { exact: true })).toBeVisible();
  // The module is complete: the next one has opened.
  await expect(page.getByText("4 de 14 actividades")).toBeVisible();
  await expect(page.getByText("Se abre cuando termine el módulo «Dos delitos distintos».")).toHaveCount(0);
  await expect(page.locator("li.item").filter({ hasText: "Cuando el tráfico se convierte en trata" }).getByText("Disponible", { exact: true })).toBeVisible();
});

test("an attempt interrupted by a server restart resumes at the same question, answers kept", async ({ page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/learn`);
  await page.goto(`${server.url}${QUIZ_URL}`);
  await switchLanguage(page, "en");
  await page.getByRole("button", { name: "Try to improve your result" }).click();
  await expect(page.getByText("Question 1 of 3")).toBeVisible();
  await expectNoAxeViolations(page, "quiz question (en)");
  await page.getByLabel("Trafficking in persons", { exact: true }).check();
  await page.getByRole("button", { name: "Answer", exact: true }).click();
  await page.getByRole("button", { name: "Next question" }).click();
  await expect(page.getByText("Question 2 of 3")).toBeVisible();

  expect(await server.stop(), server.recentLog()).toBe(0);
  server = await startServer(port, { DATA_DIR: dataDir, CONTENT_DIR: contentDir });
  await page.goto(`${server.url}${QUIZ_URL}`);
  await expect(page.getByText("Question 2 of 3")).toBeVisible();
  await page.getByLabel("False", { exact: true }).check();
  await page.getByRole("button", { name: "Answer", exact: true }).click();
  await page.getByRole("button", { name: "Next question" }).click();
  for (const label of ["An act", "A means", "A purpose of exploitation"]) await page.getByLabel(label, { exact: true }).check();
  await page.getByRole("button", { name: "Answer", exact: true }).click();
  await page.getByRole("button", { name: "See the summary" }).click();
  await page.getByRole("button", { name: "Send answers" }).click();
  // The first answer, given before the restart, counted.
  await expect(page.getByText("Your result: 100 %")).toBeVisible();
  await expectNoAxeViolations(page, "quiz result (en)");
  await switchLanguage(page, "es");
});

test("an answer sent twice, or from a stale tab, is recorded once and shows where things stand", async ({ page, context }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/learn`);
  await page.goto(`${server.url}${QUIZ_URL}`);
  await page.getByRole("button", { name: "Intentar mejorar el resultado" }).click();
  await expect(page.getByText("Pregunta 1 de 3")).toBeVisible();
  const second = await context.newPage();
  await second.goto(`${server.url}${QUIZ_URL}`);
  await page.getByLabel("La trata de personas", { exact: true }).check();
  await page.getByRole("button", { name: "Responder" }).click();
  await expect(page.getByText("Respuesta correcta.", { exact: true })).toBeVisible();
  // The other tab still shows question 1; its answer is refused and it shows the saved state.
  await second.getByLabel("El tráfico ilícito de migrantes", { exact: true }).check();
  await second.getByRole("button", { name: "Responder" }).click();
  await expect(second.getByText("Este cuestionario cambió en otra pestaña o ventana.", { exact: false })).toBeVisible();
  await expect(second.getByText("Respuesta correcta.", { exact: true })).toBeVisible();
});
