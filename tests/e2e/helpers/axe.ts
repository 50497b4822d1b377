import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function describe(violation: Violation): string {
  const where = violation.nodes
    .slice(0, 5)
    .map((node) => `${node.target.join(" ")}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, " ")}` : ""}`)
    .join("; ");
  return `${violation.id} (${violation.impact ?? "?"}): ${violation.help} → ${where}`;
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) on the page as it is now and records every
 * violation as a soft failure, so one run lists the problems of all pages checked.
 *
 * axe runs inside the page, which needs JavaScript. In the `no-js` project the page itself
 * stays without JavaScript (it is what a low-data visitor gets); its markup, as the browser
 * parsed it, is then shown at the same address in a JavaScript-enabled page whose own scripts
 * are blocked, and axe checks that: the server-rendered markup, styles included, never
 * hydrated.
 */
export async function expectNoAxeViolations(page: Page, what: string, options?: { javaScriptEnabled: boolean }): Promise<void> {
  const url = page.url();
  // A spec that switches JavaScript off itself (test.use, not its project) says so in `options`.
  const jsDisabled = options ? !options.javaScriptEnabled : test.info().project.use.javaScriptEnabled === false;
  const target = jsDisabled ? await serverMarkupOf(page) : page;
  const results = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze();
  expect.soft(results.violations.map(describe), `axe: ${what} (${url})`).toEqual([]);
}

// One JavaScript-enabled page per worker's browser shows no-JS pages to axe. It is kept between
// checks (a new page per check cost about a second): its cache keeps the stylesheet, and each
// check hands it the markup to serve at the page's own address.
interface Viewer {
  page: Page;
  serve: { url: string; html: string };
}
const viewers = new WeakMap<Browser, Promise<Viewer>>();

async function viewerFor(browser: Browser): Promise<Viewer> {
  let viewer = viewers.get(browser);
  if (!viewer) {
    viewer = (async () => {
      const context: BrowserContext = await browser.newContext({ javaScriptEnabled: true });
      const page = await context.newPage();
      const state: Viewer = { page, serve: { url: "", html: "" } };
      await page.route(
        (u) => u.href === state.serve.url,
        (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: state.serve.html }),
      );
      await page.route(/\/build\/.*\.js$/, (route) => route.abort());
      return state;
    })();
    viewers.set(browser, viewer);
  }
  return viewer;
}

async function serverMarkupOf(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser");
  const viewer = await viewerFor(browser);
  viewer.serve = { url: page.url(), html: await page.content() };
  await viewer.page.goto(viewer.serve.url);
  return viewer.page;
}
