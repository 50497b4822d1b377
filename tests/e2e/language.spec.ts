import { expect, test } from "@playwright/test";
import { signIn, signOut, switchLanguage } from "./helpers/accounts";
import { freshAccount } from "./helpers/invitations";
import { UI } from "./helpers/ui";

test("the sign-in page switches to English, stays so on reload, and switches back", async ({ page }) => {
  const html = page.locator("html");
  await page.goto("/login");
  await expect(html).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: UI.es.signInTitle, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Español", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(html).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: UI.en.signInTitle, exact: true })).toBeVisible();
  await expect(page.getByLabel(UI.en.email, { exact: true })).toBeVisible();
  await expect(page).toHaveTitle("Sign in · Sendero");

  await page.reload();
  await expect(html).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: UI.en.signInTitle, exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Español", exact: true }).click();
  await expect(html).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: UI.es.signInTitle, exact: true })).toBeVisible();
  await expect(page.getByLabel(UI.es.email, { exact: true })).toBeVisible();
  await expect(page).toHaveTitle("Iniciar sesión · Sendero");
});

test("a signed-in person's language is their own setting: kept after signing out and in elsewhere", async ({ browser }, testInfo) => {
  const { person, context, page } = await freshAccount(browser, testInfo);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");

  await switchLanguage(page, "en");
  await expect(page).toHaveURL(/\/learn(\?|$)/);
  await expect(page.getByRole("heading", { level: 1, name: UI.en.areas.officer, exact: true })).toBeVisible();
  await signOut(page, "en");
  await context.close();

  // Another browser, which has never chosen a language: Spanish until the person signs in.
  const elsewhere = await browser.newContext();
  const again = await elsewhere.newPage();
  await again.goto("/login");
  await expect(again.locator("html")).toHaveAttribute("lang", "es");
  await signIn(again, person.email, { password: person.password });
  await expect(again).toHaveURL(/\/learn$/);
  await expect(again.locator("html")).toHaveAttribute("lang", "en");
  await expect(again.getByRole("heading", { level: 1, name: UI.en.areas.officer, exact: true })).toBeVisible();
  await expect(again.getByRole("banner").getByRole("button", { name: UI.en.signOut, exact: true })).toBeVisible();
  await elsewhere.close();
});
