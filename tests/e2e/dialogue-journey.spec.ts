import { expect, test } from "@playwright/test";
import { signInAs, uniqueSuffix } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { DIALOGUE_UI, openGeneralSpace, startThread } from "./helpers/dialogue";
import { freshAccount } from "./helpers/invitations";

// The dialogue as its people use it, with JavaScript on and off: an officer posts, the
// facilitator hides it with a reason, the officer reads the reason; another officer reports a
// reply and the facilitator dismisses the report; a post with a passport number is held, edited
// and approved.
const t = DIALOGUE_UI.es;

test.describe.configure({ timeout: 120_000 });

test("post, hide with a reason, report and dismiss, hold for a passport number and approve after editing", async ({ browser }, testInfo) => {
  const suffix = uniqueSuffix(testInfo);
  const { person: author, page: officer } = await freshAccount(browser, testInfo);
  const { page: colleague } = await freshAccount(browser, testInfo);
  const facilitatorContext = await browser.newContext();
  const facilitator = await facilitatorContext.newPage();
  await signInAs(facilitator, "facilitator");

  // 1. The officer starts a conversation; the facilitator hides it with a reason.
  await openGeneralSpace(officer);
  const hiddenTitle = `Tema para ocultar ${suffix}`;
  const hiddenPath = await startThread(officer, hiddenTitle, "Un mensaje que se saldrá del tema.");
  await facilitator.goto(hiddenPath);
  const post = facilitator.getByRole("article").filter({ hasText: "Un mensaje que se saldrá del tema." });
  await post.getByRole("link", { name: t.hide, exact: true }).click();
  await facilitator.getByLabel(t.hideReason, { exact: true }).fill("Fuera del tema del grupo; use el espacio de avisos.");
  await facilitator.getByRole("button", { name: t.hide, exact: true }).click();
  await expect(facilitator.getByText(t.hiddenPlaceholder, { exact: true })).toBeVisible();

  // 2. The officer is told, and reads the reason under their post.
  await officer.getByRole("banner").getByRole("link", { name: new RegExp(`^${t.notifications}`) }).click();
  await officer.getByRole("link", { name: t.hiddenNotification(hiddenTitle), exact: true }).click();
  await expect(officer.getByText(t.hiddenPlaceholder, { exact: true })).toBeVisible();
  await expect(officer.getByText("Fuera del tema del grupo; use el espacio de avisos.", { exact: true })).toBeVisible();
  // The colleague sees the placeholder, not the text nor the reason.
  await colleague.goto(hiddenPath);
  await expect(colleague.getByText(t.hiddenPlaceholder, { exact: true })).toBeVisible();
  await expect(colleague.getByText("Un mensaje que se saldrá del tema.")).toHaveCount(0);
  await expect(colleague.getByText("Fuera del tema del grupo")).toHaveCount(0);

  // 3. The officer replies in a new conversation; the colleague reports the reply.
  await openGeneralSpace(officer);
  const reportedTitle = `Consulta ${suffix}`;
  const reportedPath = await startThread(officer, reportedTitle, "¿Cómo explican el asilo en pocas palabras?");
  await officer.getByLabel(t.yourReply, { exact: true }).fill("Yo digo que pedir asilo es gratuito.");
  await officer.getByRole("button", { name: t.publish, exact: true }).click();
  await expect(officer.getByText("Yo digo que pedir asilo es gratuito.", { exact: true })).toBeVisible();
  await colleague.goto(reportedPath);
  const reply = colleague.getByRole("article").filter({ hasText: "Yo digo que pedir asilo es gratuito." });
  await reply.getByRole("link", { name: t.reportOf(author.name), exact: true }).click();
  await colleague.getByLabel(t.reportReason, { exact: true }).fill("Me parece incompleto, que lo revise alguien.");
  await colleague.getByRole("button", { name: t.sendReport, exact: true }).click();
  // The report form is on the thread page itself: it closes once the report is stored (the
  // heading alone is there before the answer comes, and the queue was read too early).
  await expect(colleague.getByLabel(t.reportReason, { exact: true })).toHaveCount(0);
  await expect(colleague.getByRole("heading", { level: 1, name: reportedTitle, exact: true })).toBeVisible();

  // 4. The facilitator finds it in the queue, with the reason, and dismisses the report.
  await facilitator.goto("/facilitate");
  const reportedItem = facilitator.getByRole("listitem").filter({ has: facilitator.getByRole("link", { name: reportedTitle, exact: true }) });
  await expect(reportedItem.getByText("Me parece incompleto, que lo revise alguien.", { exact: true })).toBeVisible();
  await expect(reportedItem.getByText("¿Cómo explican el asilo en pocas palabras?")).toBeVisible();
  await reportedItem.getByRole("button", { name: t.dismiss, exact: true }).click();
  await expect(facilitator.getByRole("status")).toHaveText(t.dismissed);
  await expect(facilitator.getByRole("link", { name: reportedTitle, exact: true })).toHaveCount(0);
  await colleague.goto(reportedPath);
  await expect(colleague.getByText("Yo digo que pedir asilo es gratuito.", { exact: true })).toBeVisible();

  // 5. A post with a passport number is held, with the number marked for its author.
  await openGeneralSpace(officer);
  const heldTitle = `Caso en la garita ${suffix}`;
  const heldPath = await startThread(officer, heldTitle, "Llegó una señora con pasaporte G12345678 y su hija.");
  await expect(officer.getByText(t.heldNotice)).toBeVisible();
  await expect(officer.locator("mark")).toHaveText(/G12345678/);
  // Nobody else sees it yet.
  await colleague.goto(heldPath);
  await expect(colleague.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
  // The officer edits the number out: still held, waiting for the facilitator.
  await officer.getByRole("link", { name: t.edit, exact: true }).click();
  await officer.getByLabel(t.editLabel, { exact: true }).fill("Llegó una señora con su hija; ya la referimos.");
  await officer.getByRole("button", { name: t.saveEdit, exact: true }).click();
  await expect(officer.getByText("Llegó una señora con su hija; ya la referimos.", { exact: true })).toBeVisible();
  await expect(officer.locator("mark")).toHaveCount(0);
  await expect(officer.getByText(t.held, { exact: true })).toBeVisible();

  // 6. The facilitator approves it from the queue; the colleague now reads it.
  await facilitator.goto("/facilitate");
  const heldItem = facilitator.getByRole("listitem").filter({ has: facilitator.getByRole("link", { name: heldTitle, exact: true }) });
  await heldItem.getByRole("button", { name: t.approve, exact: true }).click();
  await expect(facilitator.getByRole("status")).toHaveText(t.approved);
  await colleague.goto(heldPath);
  await expect(colleague.getByText("Llegó una señora con su hija; ya la referimos.", { exact: true })).toBeVisible();
  await expect(colleague.getByText("G12345678")).toHaveCount(0);

  await facilitatorContext.close();
  await officer.context().close();
  await colleague.context().close();
});

test("a failed post keeps what was typed and says why; a deleted one leaves a placeholder", async ({ browser }, testInfo) => {
  const { page } = await freshAccount(browser, testInfo);
  await openGeneralSpace(page);
  // A message without a title: the message stays in the box.
  await page.getByLabel(t.message, { exact: true }).fill("Un texto largo que no quiero perder.");
  await page.getByRole("button", { name: t.createThread, exact: true }).click();
  await expect(page.getByLabel(t.title, { exact: true })).toHaveAccessibleDescription(t.required);
  await expect(page.getByLabel(t.message, { exact: true })).toHaveValue("Un texto largo que no quiero perder.");
  // With a title it is posted; then its author deletes it, after confirming, and a placeholder stays.
  await page.getByLabel(t.title, { exact: true }).fill(`Me equivoqué ${uniqueSuffix(testInfo)}`);
  await page.getByRole("button", { name: t.createThread, exact: true }).click();
  await expect(page.getByText("Un texto largo que no quiero perder.", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Eliminar", exact: true }).click();
  await page.getByRole("button", { name: "Sí, eliminar", exact: true }).click();
  await expect(page.getByText("Mensaje eliminado por su autor.", { exact: true })).toBeVisible();
  await expect(page.getByText("Un texto largo que no quiero perder.", { exact: true })).toHaveCount(0);
  await page.context().close();
});

test("a course discussion item is done once the officer has posted in the cohort's conversation", async ({ browser }, testInfo) => {
  const { page } = await freshAccount(browser, testInfo);
  await page.goto("/learn/psychological-first-aid/foundations-dialogue");
  await expect(page.getByRole("heading", { level: 1, name: "Diálogo: lo que ya hacemos bien", exact: true })).toBeVisible();
  await expect(page.getByText(/^Piense en una persona que llegó muy alterada/)).toBeVisible();
  await expectNoAxeViolations(page, "discussion item page");
  await page.getByRole("link", { name: "Ir a la conversación", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Diálogo: lo que ya hacemos bien", exact: true })).toBeVisible();
  const text = `Le ofrecí agua y un lugar tranquilo, y le expliqué cada paso. ${uniqueSuffix(testInfo)}`;
  await page.getByLabel(t.yourReply, { exact: true }).fill(text);
  await page.getByRole("button", { name: t.publish, exact: true }).click();
  await expect(page.getByText(text, { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Volver a la actividad del curso", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Ya completó esta actividad.");
  await page.context().close();
});
