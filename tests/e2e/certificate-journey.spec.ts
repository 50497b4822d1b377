import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { loadContent } from "../../app/content/load.server";
import { progressCourse } from "../../app/content/progress-course";
import { completeItem } from "../../app/models/learning/item-progress.server";
import { createDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seeds/demo";
import { DEMO, signIn, switchLanguage } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { startServer, type RunningServer } from "./helpers/server";

// The demo officer finishes a course with its last lesson, downloads the certificate, and the
// address printed under its QR code says "valid"; after an admin revokes it, it says "revoked".
// Each project runs its own server and database.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const COURSE_ID = "trafficking-smuggling";
const COURSE_TITLE = "Trata de personas y tráfico ilícito de migrantes: distinguirlos y responder";
const LAST_LESSON = "referral-and-reporting";

let server: RunningServer;
let verifyUrl = "";

// eslint-disable-next-line no-empty-pattern -- Playwright passes test info second, after the fixtures object
test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(120_000);
  const port = testInfo.project.name === "no-js" ? 3332 : 3331;
  const dataDir = `tests/.tmp/certificate-journey-${testInfo.project.name}`;
  const contentDir = `tests/.tmp/certificate-journey-content-${testInfo.project.name}`;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(contentDir, { recursive: true, force: true });
  // The real course, with its final exam made optional: one lesson then completes it (passing
  // the exam has a journey of its own).
  cpSync(`content/courses/${COURSE_ID}`, `${contentDir}/${COURSE_ID}`, { recursive: true });
  const yamlFile = `${contentDir}/${COURSE_ID}/course.yaml`;
  writeFileSync(yamlFile, readFileSync(yamlFile, "utf8").replace("      - id: final-exam\n        kind: quiz\n", "      - id: final-exam\n        kind: quiz\n        optional: true\n"));
  const course = loadContent(contentDir).catalog.courses.get(COURSE_ID)!;
  expect(course.items.get("final-exam")?.optional).toBe(true);
  // Everything but one lesson is done already; finishing that lesson completes the course.
  const db = createDb({ dataDir });
  await migrateToLatest(db);
  await seedDemo(db);
  const officer = await db.selectFrom("people").select("id").where("email", "=", DEMO.officer.email).executeTakeFirstOrThrow();
  for (const item of course.items.values()) {
    if (item.id === LAST_LESSON || item.optional) continue;
    await db.transaction().execute((trx) => completeItem(trx, officer.id, { ...progressCourse(course), id: COURSE_ID }, item.id, item.kind));
  }
  await db.destroy();
  server = await startServer(port, { DATA_DIR: dataDir, CONTENT_DIR: contentDir, PUBLIC_URL: `http://localhost:${port}` });
});

test.afterAll(async () => {
  await server?.stop();
});


async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, standardFontDataUrl: "node_modules/pdfjs-dist/standard_fonts/" }).promise;
  const content = await (await pdf.getPage(1)).getTextContent();
  return content.items.map((i) => ("str" in i ? i.str : "")).join(" ");
}

test("the officer completes the course, downloads the certificate, and its address says valid", async ({ page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/learn`);
  await page.goto(`${server.url}/learn/${COURSE_ID}/${LAST_LESSON}`);
  await page.getByRole("button", { name: /^Listo/ }).click();
  await expect(page).toHaveURL(new RegExp(`/learn/${COURSE_ID}\\?completed=1$`));
  await expect(page.getByRole("heading", { name: "Su certificado" })).toBeVisible();
  await expectNoAxeViolations(page, "course page with a certificate");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Descargar certificado (PDF, A4)" }).click();
  const file = await (await download).path();
  const text = await pdfText(file);
  const code = /Código de verificación: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
  expect(code, text).toBeTruthy();
  expect(text).toContain(DEMO.officer.name);
  expect(text).toContain(COURSE_TITLE);
  verifyUrl = `${server.url}/verify/${code}`;
  expect(text).toContain(verifyUrl);

  const credential = page.waitForEvent("download");
  await page.getByRole("link", { name: "Descargar credencial digital (Open Badges 3.0)" }).click();
  expect(readFileSync(await (await credential).path(), "utf8")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

  // Anyone, signed in or not, can check it.
  const visitor = await page.context().browser()!.newContext({ locale: "es-MX" });
  const check = await visitor.newPage();
  const scripts: string[] = [];
  check.on("request", (r) => void (r.resourceType() === "script" && scripts.push(r.url())));
  await check.goto(verifyUrl);
  await expect(check.getByRole("status").getByText("Certificado válido")).toBeVisible();
  // A tiny page on any phone: plain HTML, no scripts at all.
  expect(scripts).toEqual([]);
  await expect(check.locator("script")).toHaveCount(0);
  await expect(check.getByText(DEMO.officer.name)).toBeVisible();
  await expect(check.getByText(COURSE_TITLE)).toBeVisible();
  await expectNoAxeViolations(check, "verification page (valid)");
  await visitor.close();
});

test("an admin revokes it with a reason; the same address then says revoked", async ({ page }) => {
  expect(verifyUrl).not.toBe("");
  const code = verifyUrl.split("/").pop()!;
  await signIn(page, DEMO.admin.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/admin`);
  await page.goto(`${server.url}/coordinate/certificates`);
  await expectNoAxeViolations(page, "certificates page");
  const row = page.getByRole("row").filter({ hasText: code });
  await row.getByLabel("Motivo").fill("Emitido por error de registro");
  await row.getByRole("button", { name: "Revocar" }).click();
  await expect(page.getByText(`El certificado ${code} quedó revocado.`)).toBeVisible();

  const visitor = await page.context().browser()!.newContext({ locale: "en-GB" });
  const check = await visitor.newPage();
  await check.goto(verifyUrl);
  await expect(check.getByRole("status").getByText("Revoked certificate")).toBeVisible();
  await expectNoAxeViolations(check, "verification page (revoked, en)");
  await check.goto(`${server.url}/verify`);
  await check.getByLabel("Certificate code").fill("zzzz zzzz zzzz zzzz");
  await check.getByRole("button", { name: "Check" }).click();
  await expect(check.getByRole("status").getByText("Unknown certificate")).toBeVisible();
  await visitor.close();
});

test("the officer's account lists the certificate, in Spanish and English", async ({ page }) => {
  await signIn(page, DEMO.officer.email, { origin: server.url });
  await expect(page).toHaveURL(`${server.url}/learn`);
  await page.goto(`${server.url}/account`);
  await expect(page.getByRole("heading", { name: "Sus certificados" })).toBeVisible();
  await expect(page.getByText("Este certificado fue revocado.")).toBeVisible();
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { name: "Your certificates" })).toBeVisible();
  await expectNoAxeViolations(page, "account with certificates (en)");
  await switchLanguage(page, "es");
});
