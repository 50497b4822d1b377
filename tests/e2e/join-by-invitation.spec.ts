import { DEMO_COHORT, signInAs, signOut, uniqueSuffix } from "./helpers/accounts";
import { expect, test } from "@playwright/test";
import { fillJoinForm, newPerson } from "./helpers/invitations";
import { UI } from "./helpers/ui";

const t = UI.es;

test("an admin invites an officer, who joins with the one-time link; the link then says it was used", async ({
  page,
  browser,
}, testInfo) => {
  const note = `Estación de prueba ${uniqueSuffix(testInfo)}`;

  // The admin creates the invitation and copies the link shown once.
  await signInAs(page, "admin");
  await page.goto("/coordinate/invitations");
  await expect(page.getByRole("heading", { level: 1, name: t.invitationsTitle, exact: true })).toBeVisible();
  await page.getByLabel(t.cohort, { exact: true }).selectOption({ label: DEMO_COHORT });
  await page.getByLabel(t.role, { exact: true }).selectOption({ label: "Oficial" });
  await page.getByLabel(t.note, { exact: true }).fill(note);
  await page.getByRole("button", { name: t.createInvitation, exact: true }).click();

  await expect(page.getByRole("status")).toContainText("Invitación creada. Copie el enlace ahora");
  const link = await page.getByLabel(t.invitationLink, { exact: true }).inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/join\/[A-Za-z0-9_-]{20,}$/);
  const row = page.getByRole("row").filter({ hasText: note });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell", { name: t.invitationOpen, exact: true })).toBeVisible();
  await signOut(page);

  // The invited person, on another browser, opens the link.
  const invitee = await browser.newContext();
  const joinPage = await invitee.newPage();
  await joinPage.goto(link);
  await expect(joinPage.getByRole("heading", { level: 1, name: t.joinTitle, exact: true })).toBeVisible();
  await expect(joinPage.getByText(`Le invitaron al grupo «${DEMO_COHORT}» como Oficial.`)).toBeVisible();

  // A first try with two different passwords: refused, with what was typed kept.
  const person = newPerson(testInfo, "officer");
  await fillJoinForm(joinPage, person, "otra frase distinta");
  const repeat = joinPage.getByLabel(t.repeatPassword, { exact: true });
  await expect(repeat).toHaveAttribute("aria-invalid", "true");
  await expect(repeat).toHaveAccessibleDescription(t.passwordsDiffer);
  await expect(joinPage.getByText(t.passwordsDiffer)).toBeVisible();
  await expect(joinPage.getByLabel(t.fullName, { exact: true })).toHaveValue(person.name);
  await expect(joinPage.getByLabel(t.email, { exact: true })).toHaveValue(person.email);
  await expect(joinPage).toHaveURL(link);

  // The second try works: signed in on "Mi aprendizaje", welcomed by name.
  await fillJoinForm(joinPage, person);
  await expect(joinPage).toHaveURL(/\/learn\?welcome=1$/);
  await expect(joinPage.getByRole("heading", { level: 1, name: t.areas.officer, exact: true })).toBeVisible();
  await expect(joinPage.getByRole("status")).toHaveText(t.welcome(person.name));
  await expect(joinPage.getByRole("banner").getByRole("link", { name: person.name, exact: true })).toBeVisible();
  await expect(joinPage.getByRole("heading", { level: 3, name: DEMO_COHORT })).toBeVisible();
  await invitee.close();

  // Anyone opening the same link again learns it was already used, and gets no form.
  const later = await browser.newContext();
  const laterPage = await later.newPage();
  await laterPage.goto(link);
  await expect(laterPage.getByRole("alert")).toHaveText(t.invitationUsed);
  await expect(laterPage.getByRole("button", { name: t.createAccount, exact: true })).toHaveCount(0);
  await later.close();
});
