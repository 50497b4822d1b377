import { rmSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createDb } from "../../db/client";
import { DEMO, signIn, signOut } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { startServer, type RunningServer } from "./helpers/server";

// At a border post the connection drops: the demo officer saves a course, goes offline, reads
// three lessons and marks two done, closes the tab, and once back online both completions reach
// the server exactly once, with the time they were marked. A quiz opened offline says it needs
// a connection. Signing out leaves none of the person's pages on the device. The service
// worker needs JavaScript, so this runs in the JavaScript project only, on its own server.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const COURSE_ID = "trafficking-smuggling";
const COURSE = "Trata de personas y tráfico ilícito de migrantes: distinguirlos y responder";
const LESSONS = [
  { id: "what-is-trafficking", title: "¿Qué es la trata de personas?" },
  { id: "what-is-smuggling", title: "¿Qué es el tráfico ilícito de migrantes?" },
  { id: "telling-them-apart", title: "Trata y tráfico: cinco diferencias" },
];

let server: RunningServer;
let dataDir = "";

// eslint-disable-next-line no-empty-pattern -- Playwright passes test info second, after the fixtures object
test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(120_000);
  const port = Number(process.env.E2E_PORT ?? 3100) + 16;
  dataDir = `tests/.tmp/offline-reading-${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  server = await startServer(port, { DATA_DIR: dataDir });
  expect(testInfo.project.name).toBe("js");
});

test.afterAll(async () => {
  await server?.stop();
});

const coursePage = () => `${server.url}/learn/${COURSE_ID}`;
const lessonPage = (id: string) => `${coursePage()}/${id}`;

/** Every address kept in the browser's Cache Storage, whatever the cache. */
async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname + new URL(request.url).search);
    return urls;
  });
}

test("a quiz answer chosen while offline is not sent and not lost: the page says so and keeps it", async ({ context, page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await page.goto(coursePage());
  const panel = page.getByRole("region", { name: "Usar sin conexión" });
  await panel.getByRole("button", { name: "Guardar este curso para usarlo sin conexión" }).click();
  await expect(panel.getByText(/^Guardado en este dispositivo el /)).toBeVisible({ timeout: 30_000 });
  await page.goto(`${coursePage()}/two-crimes-quiz`);
  await page.getByRole("button", { name: "Empezar el cuestionario" }).click();
  await expect(page.getByText("Pregunta 1 de")).toBeVisible();

  await context.setOffline(true);
  // The first question pairs situations with crimes: one is paired, then "Responder".
  const choice = page.locator("main select").first();
  await choice.selectOption({ label: "Tráfico ilícito de migrantes" });
  await page.getByRole("button", { name: "Responder" }).click();
  await expect(page.getByRole("alert").getByText("Sin conexión: el formulario no se envió. Lo que escribió sigue en la página; envíelo cuando vuelva la conexión.")).toBeVisible();
  await expect(choice.locator("option:checked")).toHaveText("Tráfico ilícito de migrantes");
  await expect(page.getByText("Pregunta 1 de")).toBeVisible();
  await expectNoAxeViolations(page, "quiz question, not sent offline");

  // Back online, the same answer goes with the same button (the server asks for the other pairs).
  await context.setOffline(false);
  await page.getByRole("button", { name: "Responder" }).click();
  await expect(page.getByRole("alert").getByText("Sin conexión")).toHaveCount(0);
  await expect(page.getByText("Pregunta 1 de")).toBeVisible();

  // A page without scripts (low-data mode) posts as a document: offline it gets the page that
  // says the activity needs a connection, not the worker's JSON. form.submit() skips the guard.
  // (Its status, 503, is not read here: Playwright does not always report a response the worker
  // made up for a navigation; the page shown is what the person sees.)
  await context.setOffline(true);
  await page.evaluate(() => {
    const form = document.createElement("form");
    form.method = "post";
    form.innerHTML = `<input name="_csrf" value="${document.querySelector<HTMLInputElement>('input[name="_csrf"]')!.value}"><input name="intent" value="answer">`;
    document.body.append(form);
    // After evaluate returns: the navigation would end its context.
    setTimeout(() => form.submit(), 0);
  });
  await expect(page.getByRole("heading", { level: 1, name: "Sin conexión" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Esta actividad necesita conexión.")).toBeVisible();
  await context.setOffline(false);

  // "Remove" frees what the course took on the device.
  await page.goto(coursePage());
  await page.getByRole("region", { name: "Usar sin conexión" }).getByRole("button", { name: "Quitar del dispositivo" }).click();
  await expect(page.getByRole("region", { name: "Usar sin conexión" }).getByText("Guarde este curso en el dispositivo")).toBeVisible();
  // "Quitar" is gone with the copy: focus is on the button that saves it again, not lost.
  await expect(page.getByRole("region", { name: "Usar sin conexión" }).getByRole("button", { name: "Guardar este curso para usarlo sin conexión" })).toBeFocused();
  expect((await cachedUrls(page)).filter((url) => url.startsWith("/learn/") || url.startsWith("/__offline/"))).toEqual([]);
});

test("a browser that will not install the worker gets its own message, not \"no room\"", async ({ page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await page.addInitScript(() => {
    navigator.serviceWorker.register = () => Promise.reject(new DOMException("Blocked by policy", "SecurityError"));
  });
  await page.goto(coursePage());
  const panel = page.getByRole("region", { name: "Usar sin conexión" });
  await panel.getByRole("button", { name: "Guardar este curso para usarlo sin conexión" }).click();
  await expect(panel.getByRole("alert")).toHaveText(/^No se pudo guardar: este navegador no dejó instalar la parte de Sendero que funciona sin conexión\./);
});

/** How many lessons marked done offline wait in the worker's queue. */
async function queuedCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve((event.data as { queued: unknown[] }).queued.length);
        navigator.serviceWorker.controller!.postMessage({ type: "queue" }, [channel.port2]);
      }),
  );
}

async function saveCourse(page: Page) {
  await page.goto(coursePage());
  const panel = page.getByRole("region", { name: "Usar sin conexión" });
  await panel.getByRole("button", { name: "Guardar este curso para usarlo sin conexión" }).click();
  await expect(panel.getByText(/^Guardado en este dispositivo el /)).toBeVisible({ timeout: 30_000 });
}

test("signing out with lessons not yet sent asks first (by keyboard); only a confirmed sign-out deletes them", async ({ context, page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await saveCourse(page);
  await context.setOffline(true);
  await page.goto(lessonPage(LESSONS[0]!.id));
  await page.getByRole("button", { name: "Listo, siguiente" }).click();
  await expect(page.getByRole("heading", { level: 1, name: LESSONS[1]!.title })).toBeVisible();

  const signOutButton = page.getByRole("banner").getByRole("button", { name: "Cerrar sesión", exact: true });
  await signOutButton.click();
  const dialog = page.getByRole("dialog", { name: "¿Cerrar la sesión?" });
  await expect(dialog).toContainText("1 lección que marcó como terminada sin conexión todavía no se envió.");
  await expect(dialog.getByRole("button", { name: "Seguir en la sesión" })).toBeFocused();
  await expectNoAxeViolations(page, "sign-out asked with a lesson waiting");
  // Escape keeps the session and the lesson; focus goes back to the button.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(signOutButton).toBeFocused();
  expect(await queuedCount(page)).toBe(1);

  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Cerrar la sesión y borrar la lección" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").getByText(/^Sus páginas guardadas se borraron de este dispositivo\./)).toBeVisible();
  expect(await queuedCount(page)).toBe(0);
});

test("a saved course reads offline; two lessons marked done offline reach the server once, with their time", async ({ context, page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await page.goto(coursePage());
  const panel = page.getByRole("region", { name: "Usar sin conexión" });
  await expect(panel.getByText("Guarde este curso en el dispositivo")).toBeVisible();
  await expectNoAxeViolations(page, "course page with the offline panel");
  await panel.getByRole("button", { name: "Guardar este curso para usarlo sin conexión" }).click();
  await expect(panel.getByText(/^Guardado en este dispositivo el .+; ocupa [\d.,]+\s?(kB|MB)\.$/)).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByRole("button", { name: "Quitar del dispositivo" })).toBeVisible();

  // The page still shows what was loaded live: offline, it does not claim to be the saved copy.
  await context.setOffline(true);
  await expect(page.getByText(/^Sin conexión\. Los formularios de esta página no se pueden enviar/)).toBeVisible();
  await expect(page.getByText(/^Sin conexión\. Lo que ve es la copia guardada/)).toHaveCount(0);
  // The end of the save was said once (the live region is not re-read at every step), and
  // offline the disabled button says why.
  await expect(panel.getByRole("status")).toHaveText("Curso guardado en este dispositivo.");
  await expect(panel.getByRole("button", { name: "Actualizar la copia guardada" })).toHaveAccessibleDescription("Para guardar o actualizar el curso hace falta conexión.");
  const markedFrom = new Date();
  await page.goto(coursePage());
  await expect(page.getByRole("heading", { level: 1, name: COURSE })).toBeVisible();
  await expect(page.getByText(/^Sin conexión\. Lo que ve es la copia guardada/)).toBeVisible();

  // Three lessons opened, the first two marked done: each "done, next" waits on the device.
  await page.goto(lessonPage(LESSONS[0]!.id));
  await expect(page.getByRole("heading", { level: 1, name: LESSONS[0]!.title })).toBeVisible();
  await page.getByRole("button", { name: "Listo, siguiente" }).click();
  await expect(page.getByRole("heading", { level: 1, name: LESSONS[1]!.title })).toBeVisible();
  await page.getByRole("button", { name: "Listo, siguiente" }).click();
  await expect(page.getByRole("heading", { level: 1, name: LESSONS[2]!.title })).toBeVisible();
  const markedUntil = new Date();

  await page.goto(coursePage());
  const waiting = page.getByRole("region", { name: "Usar sin conexión" });
  await expect(waiting.getByText("2 lecciones marcadas como terminadas en este dispositivo se enviarán cuando tenga conexión:")).toBeVisible();
  await expect(waiting.getByRole("listitem")).toHaveText([LESSONS[0]!.title, LESSONS[1]!.title]);

  // A quiz needs the server: offline it gets a page that says so, not a browser error.
  await page.goto(`${coursePage()}/two-crimes-quiz`);
  await expect(page.getByRole("heading", { level: 1, name: "Sin conexión" })).toBeVisible();
  await expect(page.getByText("Esta actividad necesita conexión.")).toBeVisible();
  await expectNoAxeViolations(page, "needs-a-connection page");
  // A page not saved gets the offline page, in the app's words ("terminadas", as everywhere).
  await page.goto(`${server.url}/account`);
  await expect(page.getByText("Esta página no está guardada en este dispositivo", { exact: false })).toBeVisible();
  await expect(page.getByText(/Las que marque como terminadas se envían solas cuando vuelva la conexión\./)).toBeVisible();

  // The tab closes; later the connection is back and the officer opens Sendero again.
  await page.close();
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(coursePage());
  for (const lesson of LESSONS.slice(0, 2)) {
    await expect(again.locator("li.item").filter({ hasText: lesson.title }).getByText("Completada", { exact: true })).toBeVisible({ timeout: 20_000 });
  }
  await expect(again.getByText("Se enviaron 2 lecciones que marcó como terminadas sin conexión.")).toBeVisible();
  // Sent once: a second visit sends nothing more.
  await again.reload();
  await expect(again.getByRole("region", { name: "Usar sin conexión" }).getByText(/se enviarán cuando tenga conexión/)).toHaveCount(0);

  // Signing out on a shared computer: none of the person's pages stay in Cache Storage.
  expect((await cachedUrls(again)).some((url) => url.startsWith("/learn/"))).toBe(true);
  await signOut(again);
  const left = await cachedUrls(again);
  expect(left.filter((url) => url.startsWith("/learn/") || url.startsWith("/course-images/") || url.startsWith("/__offline/"))).toEqual([]);

  // In the database (the embedded one is read once the server has stopped): one completion
  // each, stamped with the time it was marked offline, not the time it arrived.
  expect(await server.stop(), server.recentLog()).toBe(0);
  const db = createDb({ dataDir });
  try {
    const officer = await db.selectFrom("people").select("id").where("email", "=", DEMO.officer.email).executeTakeFirstOrThrow();
    for (const lesson of LESSONS.slice(0, 2)) {
      const events = await db
        .selectFrom("learning_events")
        .select(["timestamp"])
        .where("actor_id", "=", officer.id)
        .where("verb", "=", "completed")
        .where("object_id", "=", `${COURSE_ID}/${lesson.id}`)
        .execute();
      expect(events, lesson.id).toHaveLength(1);
      const progress = await db.selectFrom("item_progress").select("completed_at").where("person_id", "=", officer.id).where("item_id", "=", lesson.id).executeTakeFirstOrThrow();
      expect(progress.completed_at!.getTime()).toBeGreaterThanOrEqual(markedFrom.getTime() - 1000);
      expect(progress.completed_at!.getTime()).toBeLessThanOrEqual(markedUntil.getTime() + 1000);
    }
    const third = await db.selectFrom("item_progress").select("completed_at").where("person_id", "=", officer.id).where("item_id", "=", LESSONS[2]!.id).executeTakeFirst();
    expect(third?.completed_at ?? null).toBeNull();
  } finally {
    await db.destroy();
  }
});
