import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startSmtpSink, type SmtpSink } from "../setup/smtp-sink";
import { DEMO_SECOND_OFFICER } from "../../db/seeds/demo-dialogue";
import { DEMO, DEMO_COHORT, signIn, signInAs, uniqueSuffix } from "./helpers/accounts";
import { DIALOGUE_UI, openGeneralSpace, startThread } from "./helpers/dialogue";
import { expectNoAxeViolations } from "./helpers/axe";
import { newPerson } from "./helpers/invitations";
import { startServer, type RunningServer } from "./helpers/server";
import { UI } from "./helpers/ui";

// The whole path of an invitation by mail: a server of its own sends through a real SMTP server
// on loopback (the sink), and the invited officer joins with the link that arrived.
// Beside the port of this run (E2E_PORT), so parallel runs on one machine do not collide.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 11;
const DATA_DIR = `tests/.tmp/e2e-mail-${PORT}`;
const t = UI.es;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: `http://localhost:${PORT}` });

let sink: SmtpSink;
let server: RunningServer | null = null;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  sink = await startSmtpSink();
  rmSync(DATA_DIR, { recursive: true, force: true });
  server = await startServer(PORT, { DATA_DIR, SMTP_URL: sink.url, MAIL_FROM: "Sendero <no-reply@sendero.test>", MAIL_POLL_MS: "100", MAIL_SCHEDULE_MS: "1000", MAIL_DIGEST_HOUR: "0" });
});

test.afterAll(async () => {
  await server?.stop();
  await sink?.stop();
  rmSync(DATA_DIR, { recursive: true, force: true });
});

test("an admin invites an officer by e-mail; the mail arrives in Spanish with a working link; the officer joins", async ({ page, browser }, testInfo) => {
  test.setTimeout(60_000);
  const person = newPerson(testInfo, "correo");
  await signInAs(page, "admin");
  await page.goto("/coordinate/invitations");
  await page.getByLabel(t.cohort, { exact: true }).selectOption({ label: DEMO_COHORT });
  await page.getByLabel(t.role, { exact: true }).selectOption({ label: "Oficial" });
  await page.getByLabel("Correo de la persona (opcional)", { exact: true }).fill(person.email);
  await page.getByLabel("Idioma del correo", { exact: true }).selectOption("es");
  await page.getByLabel(t.note, { exact: true }).fill(`Prueba ${uniqueSuffix(testInfo)}`);
  await page.getByRole("button", { name: t.createInvitation, exact: true }).click();
  await expect(page.getByRole("status")).toContainText(`También se envió la invitación por correo a ${person.email}.`);

  // Only this person's mail: on some dates the demo learners get due-date reminders too.
  await expect.poll(() => sink.messages.some((m) => m.to[0] === person.email), { timeout: 15_000 }).toBe(true);
  const mail = sink.messages.find((m) => m.to[0] === person.email);
  expect(mail!.subject).toBe(`Invitación a Sendero: ${DEMO_COHORT}`);
  expect(mail!.text).toContain(`Le invitaron a unirse al grupo «${DEMO_COHORT}» en Sendero`);
  expect(mail!.text).toContain("como Oficial");
  expect(mail!.text).not.toContain("Diego");
  const link = mail!.text.match(/http:\/\/localhost:\d+\/join\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeDefined();
  expect(mail!.html).toContain(`href="${link}"`);

  // The outbox page lists it as sent.
  await page.goto("/admin/mail?status=sent");
  await expect(page.getByRole("heading", { level: 1, name: "Correo saliente" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: person.email })).toContainText("Invitación");
  await expectNoAxeViolations(page, "/admin/mail");

  // The officer opens the link from the mail, without JavaScript, and joins.
  const invitee = await browser.newContext({ javaScriptEnabled: false, locale: "es-MX" });
  const joinPage = await invitee.newPage();
  await joinPage.goto(link!);
  await expect(joinPage.getByRole("heading", { level: 1, name: t.joinTitle, exact: true })).toBeVisible();
  // The address the invitation was sent to is the account's, already filled in.
  await expect(joinPage.getByLabel("Correo electrónico", { exact: true })).toHaveValue(person.email);
  await joinPage.getByLabel(t.fullName, { exact: true }).fill(person.name);
  await joinPage.getByLabel(t.newPassword, { exact: true }).fill(person.password);
  await joinPage.getByLabel(t.repeatPassword, { exact: true }).fill(person.password);
  await joinPage.getByRole("button", { name: t.createAccount, exact: true }).click();
  await expect(joinPage).toHaveURL(/\/learn\?welcome=1$/);
  await expect(joinPage.getByRole("status")).toHaveText(t.welcome(person.name));
  await invitee.close();

  // Joining queued their welcome to the cohort; the invitation went once.
  await expect.poll(() => sink.messages.filter((m) => m.to[0] === person.email).map((m) => m.subject), { timeout: 15_000 }).toEqual([
    `Invitación a Sendero: ${DEMO_COHORT}`,
    `Se unió al grupo «${DEMO_COHORT}» en Sendero`,
  ]);
});

test("a reported post brings the facilitator a digest; its link stops digests without signing in, and an altered link is refused", async ({ page, browser }, testInfo) => {
  test.setTimeout(60_000);
  const title = `Consulta ${uniqueSuffix(testInfo)}`;
  await signIn(page, DEMO.officer.email);
  await openGeneralSpace(page);
  const thread = await startThread(page, title, "¿Alguien tiene la guía de referencia actualizada?");
  const reporter = await browser.newContext({ locale: "es-MX" });
  const reporterPage = await reporter.newPage();
  await signIn(reporterPage, DEMO_SECOND_OFFICER.email);
  await reporterPage.goto(thread);
  await reporterPage.getByRole("link", { name: DIALOGUE_UI.es.reportOf(DEMO.officer.name), exact: true }).first().click();
  await reporterPage.getByLabel(DIALOGUE_UI.es.reportReason, { exact: true }).fill("Que lo revise alguien, por favor.");
  await reporterPage.getByRole("button", { name: DIALOGUE_UI.es.sendReport, exact: true }).click();
  // Closing the browser before the answer could cancel the report: wait until its form closes.
  await expect(reporterPage.getByLabel(DIALOGUE_UI.es.reportReason, { exact: true })).toHaveCount(0);
  await reporter.close();

  await expect.poll(() => sink.messages.some((m) => m.to[0] === DEMO.facilitator.email), { timeout: 15_000 }).toBe(true);
  const digest = sink.messages.find((m) => m.to[0] === DEMO.facilitator.email)!;
  expect(digest.subject).toBe("Sendero: 1 publicación espera moderación");
  expect(digest.text).not.toContain(DEMO.officer.name);
  expect(digest.text).not.toContain(title);
  const link = digest.text.match(/http:\/\/localhost:\d+\/mail\/unsubscribe\/\S+/)![0];

  // Opened from the mail by someone not signed in, with and without JavaScript.
  for (const javaScriptEnabled of [true, false]) {
    const visitor = await browser.newContext({ locale: "es-MX", javaScriptEnabled });
    const visit = await visitor.newPage();
    const altered = link.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await visit.goto(altered))?.status()).toBe(400);
    await expect(visit.getByRole("alert")).toContainText("Este enlace no es válido");
    await expect(visit.getByRole("button", { name: "Sí, dejar de recibirlos" })).toHaveCount(0);
    expect((await visit.goto(link))?.status()).toBe(200);
    await expect(visit.getByRole("heading", { level: 1, name: "Dejar de recibir correos" })).toBeVisible();
    if (javaScriptEnabled) await expectNoAxeViolations(visit, "/mail/unsubscribe");
    await visit.getByRole("button", { name: "Sí, dejar de recibirlos" }).click();
    await expect(visit.getByRole("status")).toHaveText("Listo: ya no recibirá el resumen diario de moderación.");
    await visitor.close();
  }

  // The account page shows digests off.
  const facilitator = await browser.newContext({ locale: "es-MX" });
  const own = await facilitator.newPage();
  await signIn(own, DEMO.facilitator.email);
  await own.goto("/account");
  await expect(own.getByLabel("Resumen diario de publicaciones por moderar (facilitadores)")).not.toBeChecked();
  await expect(own.getByLabel("Recordatorios de fechas límite de mis cursos")).toBeChecked();
  await facilitator.close();
});
