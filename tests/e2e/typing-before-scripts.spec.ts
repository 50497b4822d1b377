import { expect, test, type Locator, type Page } from "@playwright/test";
import { uniqueSuffix } from "./helpers/accounts";
import { DIALOGUE_UI, openGeneralSpace, startThread } from "./helpers/dialogue";
import { freshAccount } from "./helpers/invitations";

// On a slow line the page is usable before its scripts arrive (it works without them). What a
// person types in that moment must survive the scripts taking over: React sets a text area back
// to the server's value when it hydrates it (app/utils/typed-before-hydration.ts).
const t = DIALOGUE_UI.es;

/** Holds every script of the page until `release()`; the page's HTML arrives at once. */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/build\/.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Waits until React has taken the element over (it marks the nodes it adopts). */
async function hydrated(control: Locator): Promise<void> {
  await expect.poll(() => control.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber")))).toBe(true);
}

test("a message edited before the scripts arrive keeps what was typed, and is saved as typed", async ({ browser }, testInfo) => {
  const { page } = await freshAccount(browser, testInfo);
  await openGeneralSpace(page);
  await startThread(page, `Antes de los scripts ${uniqueSuffix(testInfo)}`, "Primera versión del mensaje.");
  const editUrl = await page.getByRole("link", { name: t.edit, exact: true }).getAttribute("href");

  const release = await holdScripts(page);
  await page.goto(editUrl!, { waitUntil: "commit" });
  const box = page.getByLabel(t.editLabel, { exact: true });
  await expect(box).toHaveValue("Primera versión del mensaje.");
  await box.fill("Segunda versión, escrita antes de que llegaran los scripts.");
  release();
  await hydrated(box);
  await expect(box).toHaveValue("Segunda versión, escrita antes de que llegaran los scripts.");
  await page.getByRole("button", { name: t.saveEdit, exact: true }).click();
  await expect(page.getByText("Segunda versión, escrita antes de que llegaran los scripts.", { exact: true })).toBeVisible();
  await page.context().close();
});
