import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers/accounts";

// Officers use phones at border posts: every page must read at 320 px wide (which is also what
// a 1280 px screen shows at 400 % zoom) without scrolling sideways; wide tables scroll inside
// their own box.
test.use({ viewport: { width: 320, height: 640 } });


async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

test("the sign-in page fits a 320 px screen", async ({ page }) => {
  await expectNoSidewaysScroll(page, "/login");
});

test("every area fits a 320 px screen", async ({ page }) => {
  await signIn(page, "admin@demo.sendero.test");
  for (const path of ["/admin", "/admin/people", "/admin/audit", "/coordinate", "/coordinate/invitations", "/account"]) {
    await expectNoSidewaysScroll(page, path);
  }
});

test("the officer's pages fit a 320 px screen", async ({ page }) => {
  await signIn(page, "officer@demo.sendero.test");
  for (const path of ["/learn", "/account"]) await expectNoSidewaysScroll(page, path);
});
