import { DEMO, DEMO_PASSWORD, signInAs, type Role } from "./helpers/accounts";
import { expect, test } from "@playwright/test";
import { UI } from "./helpers/ui";

const t = UI.es;

test.describe("signing in and out", () => {
  for (const role of Object.keys(DEMO) as Role[]) {
    const account = DEMO[role];
    test(`the ${role} signs in on /login, lands on ${account.home} and signs out`, async ({ page }) => {

      await page.goto("/login");
      await expect(page.getByRole("heading", { level: 1, name: t.signInTitle, exact: true })).toBeVisible();
      await page.getByLabel(t.email, { exact: true }).fill(account.email);
      await page.getByLabel(t.password, { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: t.signIn, exact: true }).click();

      await expect(page).toHaveURL(new RegExp(`${account.home}$`));
      await expect(page.getByRole("heading", { level: 1, name: t.areas[role], exact: true })).toBeVisible();
      const header = page.getByRole("banner");
      await expect(header.getByRole("link", { name: account.name, exact: true })).toBeVisible();

      await header.getByRole("button", { name: t.signOut, exact: true }).click();
      await expect(page).toHaveURL(/\/login\?notice=signed-out$/);
      await expect(page.getByRole("status")).toHaveText(t.signedOut);
      await expect(header.getByRole("link", { name: account.name, exact: true })).toHaveCount(0);

      // The area is closed again: the sign-in page, which will lead back there.
      await page.goto(account.home);
      await expect(page).toHaveURL(`/login?redirectTo=${encodeURIComponent(account.home)}`);
      await expect(page.getByRole("heading", { level: 1, name: t.signInTitle, exact: true })).toBeVisible();
    });
  }

  test("an officer opening the coordination area gets a 403 page", async ({ page }) => {
    await signInAs(page, "officer");
    const response = await page.goto("/coordinate");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: t.forbidden, exact: true })).toBeVisible();
    // Still signed in: the header keeps the person and their own area.
    await expect(page.getByRole("banner").getByRole("link", { name: DEMO.officer.name, exact: true })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Áreas" }).getByRole("link", { name: t.areas.coordinator })).toHaveCount(0);
  });
});
