import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startSmtpSink, type SmtpSink } from "../setup/smtp-sink";
import { DEMO_COHORT, signInAs, uniqueSuffix } from "./helpers/accounts";
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
  server = await startServer(PORT, { DATA_DIR, SMTP_URL: sink.url, MAIL_FROM: "Sendero <no-reply@sendero.test>", MAIL_POLL_MS: "100" });
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

  const [mail] = await sink.waitFor(1, 15_000);
  expect(mail!.to).toEqual([person.email]);
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
  expect(sink.messages).toHaveLength(1);
});
