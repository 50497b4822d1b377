import type { Browser, BrowserContext, Page, TestInfo } from "@playwright/test";
import { ENGLISH_ADMIN } from "../setup/e2e-seed-accounts";
import { signIn, signInAs, switchLanguage } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { expect, test } from "@playwright/test";
import { createInvitation, freshAccount, invitationFrom, type InvitedRole } from "./helpers/invitations";
import { UI, type Lang } from "./helpers/ui";

// Every page, in Spanish and in English, checked by axe-core against WCAG 2.2 AA. Error states
// (field errors, 403, 404) and the pages that show a one-time link are checked too. Pages of a
// role are seen by an account of that role whose own language is the one under test.
// In the no-js project axe checks the server-rendered markup (see helpers/axe.ts).

/** A browser context that has never signed in, showing the interface in `lang`. */
async function visitorIn(browser: Browser, lang: Lang): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  if (lang === "en") await switchLanguage(page, "en");
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  return page;
}

async function visit(page: Page, path: string, heading: string, lang: Lang, status = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
  await expectNoAxeViolations(page, `${path} (${lang})`);
}

/**
 * Someone with `role` whose interface speaks `lang`: in Spanish the demo account (its setting),
 * in English a new account made by invitation with English chosen (the demo accounts' language
 * must not change under the other tests).
 */
async function accountIn(
  browser: Browser,
  testInfo: TestInfo,
  role: InvitedRole,
  lang: Lang,
): Promise<{ page: Page; context: BrowserContext }> {
  if (lang === "en") {
    const { page, context } = await freshAccount(browser, testInfo, {
      role,
      lang,
      inviter: role === "coordinator" ? "admin" : "coordinator",
    });
    return { page, context };
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, role);
  return { page, context };
}

for (const lang of ["es", "en"] as const) {
  const t = UI[lang];

  test.describe(`accessibility in ${lang === "es" ? "Spanish" : "English"}`, () => {
    test.describe.configure({ timeout: 90_000 });

    test("signed-out pages: sign-in (also with errors), invitation, 404", async ({ browser }) => {
      const link = await invitationFrom(browser, "coordinator");
      const page = await visitorIn(browser, lang);

      await visit(page, "/login", t.signInTitle, lang);
      // An empty submission: field errors, announced with their fields.
      await page.getByRole("button", { name: t.signIn, exact: true }).click();
      await expect(page.getByLabel(t.email, { exact: true })).toHaveAccessibleDescription(t.required);
      await expectNoAxeViolations(page, `/login with field errors (${lang})`);

      await visit(page, new URL(link).pathname, t.joinTitle, lang);
      // The join form after a failed submission (the interface is in `lang`, so use its labels).
      await page.getByRole("button", { name: t.createAccount, exact: true }).click();
      await expect(page.getByLabel(t.fullName, { exact: true })).toHaveAccessibleDescription(t.required);
      await expectNoAxeViolations(page, `/join/… with field errors (${lang})`);

      await visit(page, "/no-such-page", t.notFound, lang, 404);
      await page.context().close();
    });

    test("officer pages: my learning with the welcome notice, my account, 403", async ({ browser }, testInfo) => {
      const { page, context } = await accountIn(browser, testInfo, "officer", lang);
      await visit(page, "/learn?welcome=1", t.areas.officer, lang);
      await expect(page.getByRole("status")).toContainText(lang === "es" ? "Bienvenida/o a Sendero" : "Welcome to Sendero");
      await visit(page, "/account", t.account, lang);
      await visit(page, "/coordinate", t.forbidden, lang, 403);
      await visit(page, "/admin", t.forbidden, lang, 403);
      await context.close();
    });

    test("facilitator page", async ({ browser }, testInfo) => {
      const { page, context } = await accountIn(browser, testInfo, "facilitator", lang);
      await visit(page, "/facilitate", t.areas.facilitator, lang);
      await context.close();
    });

    test("coordinator pages: overview, invitations, a new invitation's link", async ({ browser }, testInfo) => {
      // In English, a new coordinator: only an admin may invite one.
      const { page, context } = await accountIn(browser, testInfo, "coordinator", lang);

      await visit(page, "/coordinate", t.areas.coordinator, lang);
      await visit(page, "/coordinate/invitations", t.invitationsTitle, lang);
      await createInvitation(page, { role: "facilitator", lang });
      await expectNoAxeViolations(page, `/coordinate/invitations showing a new link (${lang})`);
      await context.close();
    });

    test("admin pages: overview, people, a reset link and its page", async ({
      browser,
      page,
    }, testInfo) => {
      // Someone to make a new-password link for.
      const { person, context: personContext } = await freshAccount(browser, testInfo);
      await personContext.close();

      // In English, an administrator whose own language is English (seeded for these tests).
      if (lang === "es") await signInAs(page, "admin");
      else await signIn(page, ENGLISH_ADMIN.email);

      await visit(page, "/admin", t.areas.admin, lang);
      await visit(page, "/admin/people", lang === "es" ? "Personas" : "People", lang);
      await page.getByLabel(t.searchPeople, { exact: true }).fill(person.email);
      await page.getByRole("button", { name: t.search, exact: true }).click();
      await page.getByRole("button", { name: t.resetFor(person.name), exact: true }).click();
      const resetLink = await page.getByLabel(t.resetLink, { exact: true }).inputValue();
      await expectNoAxeViolations(page, `/admin/people showing a reset link (${lang})`);

      // The reset link's page, opened signed out by the person it is for.
      const visitor = await visitorIn(browser, lang);
      await visit(visitor, new URL(resetLink).pathname, t.resetTitle, lang);
      await visitor.context().close();
    });

    // Apart from the people pages so that each test stays well inside its time under load.
    test("admin pages: audit log, outgoing mail, invitations", async ({ page }) => {
      if (lang === "es") await signInAs(page, "admin");
      else await signIn(page, ENGLISH_ADMIN.email);
      await visit(page, "/admin/audit", lang === "es" ? "Registro de auditoría" : "Audit log", lang);
      await visit(page, "/admin/mail?status=sent", lang === "es" ? "Correo saliente" : "Outgoing mail", lang);
      // The erasure rules, also with a refused value: the message says why and the value stays.
      await visit(page, "/admin/erasure", lang === "es" ? "Borrado de datos a pedido" : "Erasure on request", lang);
      const grace = page.getByLabel(lang === "es" ? "Plazo antes de borrar (días)" : "Grace period before erasing (days)", { exact: true });
      await grace.fill("0");
      await page.getByRole("button", { name: lang === "es" ? "Guardar las reglas" : "Save the rules", exact: true }).click();
      await expect(page.getByText(lang === "es" ? "El plazo debe estar entre 1 y 365 días." : "The grace period must be between 1 and 365 days.")).toBeVisible();
      await expect(grace).toHaveValue("0");
      await expectNoAxeViolations(page, `/admin/erasure with a refused value (${lang})`);
      await visit(page, "/coordinate/invitations", t.invitationsTitle, lang);
      await createInvitation(page, { role: "coordinator", lang });
      await expectNoAxeViolations(page, `/coordinate/invitations showing a new link, as admin (${lang})`);
    });
  });
}
