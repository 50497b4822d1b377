import { expect, test, type Page } from "@playwright/test";
import { XSS_PAYLOADS } from "../setup/xss-payloads";
import { signInAs, uniqueSuffix } from "./helpers/accounts";
import { openGeneralSpace, startThread } from "./helpers/dialogue";
import { freshAccount } from "./helpers/invitations";

// Every payload of the corpus goes through a thread title and a post body, written through the
// forms. In Chromium nothing may run for the author, a colleague or the facilitator: no dialog,
// no window.__xss, and titles are shown as typed.
test.describe.configure({ timeout: 180_000 });

/** Payloads packed into titles of at most 150 characters, a space between each. */
function groups(): string[][] {
  const out: string[][] = [];
  for (const payload of XSS_PAYLOADS) {
    const last = out[out.length - 1];
    if (last && [...last, payload].join(" ").length + 20 <= 150) last.push(payload);
    else out.push([payload]);
  }
  return out;
}

function watchDialogs(page: Page, dialogs: string[]) {
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
}

async function expectNothingRan(page: Page, where: string) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null), where).toBeNull();
}

test("script in thread titles and posts is shown as text and never runs", async ({ browser }, testInfo) => {
  const dialogs: string[] = [];
  const all = groups();
  // Enough writers that none reaches the posts-per-minute limit (6).
  const writers = [];
  for (let i = 0; i < Math.ceil(all.length / 6); i++) writers.push(await freshAccount(browser, testInfo));
  const threads: { path: string; title: string }[] = [];
  for (const [i, group] of all.entries()) {
    const { page } = writers[Math.floor(i / 6)]!;
    if (i % 6 === 0) watchDialogs(page, dialogs);
    const tag = `x${i}-${uniqueSuffix(testInfo).slice(0, 12)}`;
    const title = `${group.join(" ")} ${tag}`.slice(0, 150);
    await openGeneralSpace(page);
    const path = await startThread(page, title, `Antes\n\n${group.join("\n\n")}\n\nDespués ${tag}`);
    await expectNothingRan(page, `${path} for its author`);
    threads.push({ path, title });
  }
  expect(all.flat()).toHaveLength(XSS_PAYLOADS.length);

  const facilitatorContext = await browser.newContext();
  const facilitator = await facilitatorContext.newPage();
  watchDialogs(facilitator, dialogs);
  await signInAs(facilitator, "facilitator");
  const reader = writers[1]!.page;
  for (const { path, title } of threads) {
    for (const page of [reader, facilitator]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.getByText(/^Después x\d+/)).toBeVisible();
      await expectNothingRan(page, `${path} for a reader`);
    }
  }
  for (const path of [threads[0]!.path.split("/").slice(0, 3).join("/"), "/dialogue", "/facilitate", "/notifications"]) {
    await facilitator.goto(path);
    await expectNothingRan(facilitator, path);
  }
  expect(dialogs).toEqual([]);
  await facilitatorContext.close();
  for (const w of writers) await w.context.close();
});
