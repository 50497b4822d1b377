import { expect, test, type Page } from "@playwright/test";
import { ENGLISH_ADMIN } from "../setup/e2e-seed-accounts";
import { signIn, signInAs, uniqueSuffix } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { DIALOGUE_UI, openGeneralSpace, startThread } from "./helpers/dialogue";
import { freshAccount } from "./helpers/invitations";
import type { Lang } from "./helpers/ui";

// The dialogue pages and the facilitator's queue, in Spanish and English, checked by axe-core
// (WCAG 2.2 AA), including a held post with its marked parts, open forms and field errors.
test.describe.configure({ timeout: 150_000 });

const HEADINGS = {
  es: { dialogue: "Diálogo", facilitate: "Facilitación", notifications: "Avisos" },
  en: { dialogue: "Dialogue", facilitate: "Facilitation", notifications: "Notifications" },
} as const;

async function check(page: Page, heading: string, what: string) {
  await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
  await expectNoAxeViolations(page, what);
}

for (const lang of ["es", "en"] as const satisfies readonly Lang[]) {
  const t = DIALOGUE_UI[lang];
  const h = HEADINGS[lang];

  test(`dialogue pages and the queue pass axe in ${lang === "es" ? "Spanish" : "English"}`, async ({ browser }, testInfo) => {
    const suffix = uniqueSuffix(testInfo);
    const { page: officer, context: officerContext } = await freshAccount(browser, testInfo, { lang });
    let facilitator: Page;
    if (lang === "es") {
      facilitator = await (await browser.newContext()).newPage();
      await signInAs(facilitator, "facilitator");
    } else {
      facilitator = (await freshAccount(browser, testInfo, { role: "facilitator", lang })).page;
    }

    // The officer: spaces, a space with an empty submission's errors, a held post with marks.
    await officer.goto("/dialogue");
    await check(officer, h.dialogue, `/dialogue (${lang})`);
    await openGeneralSpace(officer, lang);
    await officer.getByRole("button", { name: t.createThread, exact: true }).click();
    await expect(officer.getByLabel(t.title, { exact: true })).toHaveAccessibleDescription(t.required);
    await expectNoAxeViolations(officer, `space with field errors (${lang})`);
    const title = `${lang === "es" ? "Caso" : "Case"} ${suffix}`;
    const path = await startThread(officer, title, lang === "es" ? "Una señora con pasaporte G12345678." : "A woman with passport A1234567.", lang);
    await expect(officer.locator("mark")).toHaveCount(1);
    await expectNoAxeViolations(officer, `thread with a held post (${lang})`);
    await officer.getByRole("link", { name: t.edit, exact: true }).click();
    await expect(officer.getByLabel(t.editLabel, { exact: true })).toBeVisible();
    await expectNoAxeViolations(officer, `thread with the edit form (${lang})`);

    // The facilitator: the queue with the held post, the thread with the hide form, history, notifications.
    await facilitator.goto("/facilitate");
    await expect(facilitator.getByRole("link", { name: title, exact: true })).toBeVisible();
    await check(facilitator, h.facilitate, `/facilitate with a held post (${lang})`);
    await facilitator.goto(path);
    await facilitator.getByRole("article").first().getByRole("link", { name: t.hide, exact: true }).click();
    await expect(facilitator.getByLabel(t.hideReason, { exact: true })).toBeVisible();
    await expectNoAxeViolations(facilitator, `thread as facilitator with the hide form (${lang})`);
    await facilitator.getByLabel(t.hideReason, { exact: true }).fill(lang === "es" ? "Contiene datos de una persona." : "It holds a person's details.");
    await facilitator.getByRole("button", { name: t.hide, exact: true }).click();
    await expect(facilitator.getByText(t.hiddenPlaceholder, { exact: true })).toBeVisible();
    await facilitator.getByRole("link", { name: t.history, exact: true }).click();
    await check(facilitator, t.history, `moderation history (${lang})`);

    // The officer's notifications (the hidden post), then the thread with its reason.
    await officer.goto("/notifications");
    await check(officer, h.notifications, `/notifications (${lang})`);
    await officer.goto(path);
    await check(officer, title, `thread with a hidden post and its reason (${lang})`);

    await officerContext.close();
    await facilitator.context().close();
  });

  test(`the admin's regional spaces page passes axe in ${lang === "es" ? "Spanish" : "English"}, also with errors`, async ({ page }) => {
    if (lang === "es") await signInAs(page, "admin");
    else await signIn(page, ENGLISH_ADMIN.email);
    const heading = lang === "es" ? "Espacios regionales de diálogo" : "Regional dialogue spaces";
    await page.goto("/admin/dialogue");
    await check(page, heading, `/admin/dialogue (${lang})`);
    // Opening one with no group chosen: told to choose two, the title kept.
    await page.getByLabel(t.title, { exact: true }).fill("Frontera sur");
    await page.getByRole("button", { name: lang === "es" ? "Abrir el espacio" : "Open the space", exact: true }).click();
    await expect(page.getByText(lang === "es" ? "Elija al menos dos grupos." : "Choose at least two groups.", { exact: true })).toBeVisible();
    await expect(page.getByLabel(t.title, { exact: true })).toHaveValue("Frontera sur");
    await expectNoAxeViolations(page, `/admin/dialogue with errors (${lang})`);
  });
}

test("the dialogue pages fit a 320 px screen", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await signInAs(page, "facilitator");
  const fits = async (what: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${what} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  };
  await page.goto("/dialogue");
  await fits("/dialogue");
  await openGeneralSpace(page);
  // Long unbroken words (a pasted address) wrap instead of widening the page.
  await startThread(page, `Enlace-${"x".repeat(70)}-${uniqueSuffix(testInfo)}`, `Vea https://example.org/${"a".repeat(150)}`);
  await fits("a thread with long words, as its facilitator");
  await openGeneralSpace(page);
  await fits("the general space");
  await page.goto("/facilitate");
  await fits("/facilitate");
  await context.close();
});
