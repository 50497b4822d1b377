import { expect, test, type Page } from "@playwright/test";
import { signInAs, uniqueSuffix } from "./helpers/accounts";
import { fillJoinForm, invitationFrom } from "./helpers/invitations";

// XSS payloads in every field that is shown back (a person's name, an invitation's note) and SQL
// metacharacters in the search filter. In Chromium nothing may run: no dialog, no marker set,
// and the text is shown as typed.
const PAYLOADS = [
  `<script>window.__xss = "script"</script>`,
  `<img src=x onerror="window.__xss='img'">`,
  `"><svg onload=alert(1)>`,
  `javascript:alert(1)`,
];

async function expectNothingRan(page: Page, where: string) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null), where).toBeNull();
}

test("names and notes carrying script are shown as text and never run", async ({ browser, page }, testInfo) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const suffix = uniqueSuffix(testInfo);
  const name = `${PAYLOADS[0]} ${PAYLOADS[1]} ${suffix}`;
  const note = `${PAYLOADS[2]} ${PAYLOADS[3]} ${suffix}`;

  // A person joins with a hostile name, through an invitation whose note is hostile too.
  const link = await invitationFrom(browser, "admin", { note });
  const joiner = await browser.newContext();
  const joinPage = await joiner.newPage();
  joinPage.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await joinPage.goto(link);
  await fillJoinForm(joinPage, { name, email: `xss-${suffix}@e2e.sendero.test`, password: "una frase de prueba larga", lang: "es" });
  await expect(joinPage).toHaveURL(/\/learn\?welcome=1$/);
  await expect(joinPage.getByRole("banner").getByRole("link", { name: name.trim() })).toBeVisible();
  await expectNothingRan(joinPage, "the header and welcome notice");
  await joiner.close();

  // The admin sees the name and the note where they are listed.
  await signInAs(page, "admin");
  for (const path of [`/admin/people?q=${encodeURIComponent(suffix)}`, `/coordinate/learners?q=${encodeURIComponent(suffix)}`, "/coordinate/invitations"]) {
    await page.goto(path);
    await expect(page.getByText(suffix, { exact: false }).first(), path).toBeVisible();
    await expectNothingRan(page, path);
  }
  await page.goto(`/admin/people?q=${encodeURIComponent(suffix)}`);
  await expect(page.getByRole("rowheader", { name: name.trim(), exact: true })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test("SQL metacharacters in the search filter are searched for, not run", async ({ page }) => {
  await signInAs(page, "admin");
  for (const q of ["' or 1=1 --", "%", "_", "\\", "'; drop table people; --", "Ana%' union select * from credentials --"]) {
    const response = await page.goto(`/admin/people?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
    // The demo admin's name and e-mail contain none of these: a wildcard left unescaped, or an
    // injection, would list them.
    await expect(page.getByRole("cell", { name: "admin@demo.sendero.test", exact: true }), q).toHaveCount(0);
  }
  // The people are all still there.
  await page.goto("/admin/people?q=demo.sendero.test");
  await expect(page.getByRole("cell", { name: "admin@demo.sendero.test", exact: true })).toBeVisible();
});
