import { expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { DEMO_COHORT, FRESH_PASSWORD, ROLE_HOME, signInAs, uniqueSuffix, type Role } from "./accounts";
import { UI, type Lang } from "./ui";

export type InvitedRole = Exclude<Role, "admin">;

/**
 * On /coordinate/invitations (signed in as a coordinator or admin, Spanish interface): creates an
 * invitation to the demo cohort and returns the one-time link the page shows.
 */
export async function createInvitation(page: Page, options: { role?: InvitedRole; note?: string; lang?: Lang } = {}): Promise<string> {
  const t = UI[options.lang ?? "es"];
  await page.goto("/coordinate/invitations");
  await page.getByLabel(t.cohort, { exact: true }).selectOption({ label: DEMO_COHORT });
  await page.getByLabel(t.role, { exact: true }).selectOption(options.role ?? "officer");
  if (options.note) await page.getByLabel(t.note, { exact: true }).fill(options.note);
  await page.getByRole("button", { name: t.createInvitation, exact: true }).click();
  const link = page.getByLabel(t.invitationLink, { exact: true });
  await expect(link).toHaveValue(/\/join\/[A-Za-z0-9_-]+$/);
  return link.inputValue();
}

/** Signs a demo coordinator (or admin) in on a context of its own and creates one invitation. */
export async function invitationFrom(
  browser: Browser,
  inviter: "coordinator" | "admin",
  options: { role?: InvitedRole; note?: string } = {},
): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signInAs(page, inviter);
    return await createInvitation(page, options);
  } finally {
    await context.close();
  }
}

export interface NewPerson {
  name: string;
  email: string;
  password: string;
  lang: Lang;
}

export function newPerson(testInfo: TestInfo, label: string, lang: Lang = "es"): NewPerson {
  const suffix = uniqueSuffix(testInfo);
  return { name: `Prueba ${label} ${suffix}`, email: `${label}-${suffix}@e2e.sendero.test`, password: FRESH_PASSWORD, lang };
}

/**
 * Fills the join form of an open invitation (the page must show it, in Spanish) and submits it.
 * `confirmPassword` lets a test type a different repeat.
 */
export async function fillJoinForm(page: Page, person: NewPerson, confirmPassword = person.password): Promise<void> {
  const t = UI.es;
  await page.getByLabel(t.fullName, { exact: true }).fill(person.name);
  await page.getByLabel("Correo electrónico", { exact: true }).fill(person.email);
  await page.getByLabel(t.interfaceLanguage, { exact: true }).selectOption(person.lang);
  await page.getByLabel(t.newPassword, { exact: true }).fill(person.password);
  await page.getByLabel(t.repeatPassword, { exact: true }).fill(confirmPassword);
  await page.getByRole("button", { name: t.createAccount, exact: true }).click();
}

/**
 * A new account made the way people get one: a demo coordinator (or admin) invites, the person
 * opens the link on a browser context of their own and creates the account. Returns the
 * person's context and page, signed in on their area with the welcome notice.
 */
export async function freshAccount(
  browser: Browser,
  testInfo: TestInfo,
  options: { role?: InvitedRole; lang?: Lang; inviter?: "coordinator" | "admin" } = {},
): Promise<{ person: NewPerson; context: BrowserContext; page: Page }> {
  const role = options.role ?? "officer";
  const person = newPerson(testInfo, role, options.lang ?? "es");
  const link = await invitationFrom(browser, options.inviter ?? "coordinator", { role, note: person.name });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await fillJoinForm(page, person);
  await expect(page).toHaveURL(new RegExp(`${ROLE_HOME[role]}\\?welcome=1$`));
  return { person, context, page };
}
