import { DEMO, DEMO_COHORT, signInAs, signOut, uniqueSuffix } from "./helpers/accounts";
import { expect, test } from "@playwright/test";
import { UI } from "./helpers/ui";

const t = UI.es;

test("a form sent without its CSRF token is refused with 403 and changes nothing", async ({ page }, testInfo) => {
  await signInAs(page, "admin");
  await page.goto("/coordinate/invitations");
  await page.getByLabel(t.cohort, { exact: true }).selectOption({ label: DEMO_COHORT });
  const cohortId = await page.getByLabel(t.cohort, { exact: true }).inputValue();

  // page.request shares the page's cookies: the admin's session and the CSRF cookie are sent.
  const forged = `Sin token ${uniqueSuffix(testInfo)}`;
  const refused = await page.request.post("/coordinate/invitations", {
    form: { intent: "create", cohortId, role: "officer", email: "", note: forged },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain(t.csrfTitle);

  // The same form with the page's token goes through: the refusal was about the token alone.
  const token = await page.locator('input[name="_csrf"]').first().inputValue();
  const genuine = `Con token ${uniqueSuffix(testInfo)}`;
  const accepted = await page.request.post("/coordinate/invitations", {
    form: { _csrf: token, intent: "create", cohortId, role: "officer", email: "", note: genuine },
    maxRedirects: 0,
  });
  expect(accepted.status()).toBe(302);

  await page.goto("/coordinate/invitations");
  await expect(page.getByRole("cell", { name: genuine, exact: true })).toBeVisible();
  await expect(page.getByText(forged)).toHaveCount(0);
});

test("a session cookie stops working once its owner signs out", async ({ page, browser, baseURL }) => {
  await signInAs(page, "admin");
  const session = (await page.context().cookies()).find((c) => c.name === "sendero_session");
  expect(session?.value).toBeTruthy();
  expect(session?.httpOnly).toBe(true);
  const copy = [{ name: "sendero_session", value: session!.value, url: baseURL! }];

  // Copied into another browser while the session is open, the cookie works…
  const before = await browser.newContext();
  await before.addCookies(copy);
  const beforePage = await before.newPage();
  await beforePage.goto("/learn");
  await expect(beforePage).toHaveURL(/\/learn$/);
  await expect(beforePage.getByRole("banner").getByRole("link", { name: DEMO.admin.name, exact: true })).toBeVisible();
  await before.close();

  await signOut(page);

  // …and after signing out it opens nothing: the sign-in page instead.
  const after = await browser.newContext();
  await after.addCookies(copy);
  const afterPage = await after.newPage();
  await afterPage.goto("/learn");
  await expect(afterPage).toHaveURL("/login?redirectTo=%2Flearn");
  await expect(afterPage.getByRole("heading", { level: 1, name: t.signInTitle, exact: true })).toBeVisible();
  await expect(afterPage.getByRole("banner").getByRole("link", { name: DEMO.admin.name, exact: true })).toHaveCount(0);
  await after.close();
});
