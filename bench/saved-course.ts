import { chromium } from "@playwright/test";
import type { Manifest } from "./lib/data-folder";
import { signIn } from "./lib/sign-in";

export interface SavedCourseSize {
  course: string;
  /** Documents and images the course's record counts (what "remove" frees). */
  pagesBytes: number;
  /** Everything in Cache Storage after the save: pages, the build's scripts and styles, the precache. */
  storedBytes: number;
  /** Entries in Cache Storage. */
  entries: number;
  /** Bytes received while saving (compressed, as sent), the service worker's install included. */
  transferredBytes: number;
}

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * What "Save this course for offline use" costs an officer: the course page is opened (that
 * first visit is not counted), the button pressed, and once the page says it is saved, Cache
 * Storage is summed. Transfers are counted on the page and on the service worker's targets.
 */
export async function measureSavedCourse(url: string, m: Manifest): Promise<SavedCourseSize> {
  const account = await signIn(url, m.pageAccounts.at(-1)!);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.addCookies(
      account.cookie.split("; ").map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url })),
    );
    const page = await context.newPage();
    await page.goto(`${url}/learn/${m.course}`, { waitUntil: "networkidle" });
    let transferredBytes = 0;
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    cdp.on("Network.loadingFinished", (e) => (transferredBytes += e.encodedDataLength));
    // The worker's own fetches (its script, the precache) are seen on its target.
    context.on("serviceworker", async (worker) => {
      const session = await context.newCDPSession(worker as never).catch(() => null);
      if (!session) return;
      await session.send("Network.enable").catch(() => {});
      session.on("Network.loadingFinished", (e) => (transferredBytes += e.encodedDataLength));
    });
    // The seeded officer's language is drawn by the seed: either of the two is accepted.
    await page.getByRole("button", { name: /^(Guardar este curso para usarlo sin conexión|Save this course for offline use)$/ }).click();
    await page.getByText(/^(Guardado en este dispositivo el|Saved on this device on) /).waitFor({ timeout: 120_000 });
    await page.waitForLoadState("networkidle");
    const stored = await page.evaluate(async (courseId) => {
      let bytes = 0;
      let entries = 0;
      let pagesBytes = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          bytes += (await response!.blob()).size;
          entries++;
          if (new URL(request.url).pathname === `/__offline/courses/${encodeURIComponent(courseId)}`) pagesBytes = (await (await cache.match(request))!.json()).bytes;
        }
      }
      return { bytes, entries, pagesBytes };
    }, m.course);
    return { course: m.course, pagesBytes: stored.pagesBytes, storedBytes: stored.bytes, entries: stored.entries, transferredBytes };
  } finally {
    await browser.close();
  }
}
