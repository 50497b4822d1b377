import { chromium, type BrowserContext } from "@playwright/test";
import type { Manifest } from "./lib/data-folder";
import { signIn, type Account } from "./lib/sign-in";

export interface PageWeight {
  page: string;
  path: string;
  mode: "javascript" | "low-data";
  /** Bytes received as sent (compressed, with headers), by kind. */
  bytes: Record<string, number>;
  totalBytes: number;
  requests: number;
  /** <script> elements in the delivered page. */
  scripts: number;
}

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const KIND: Record<string, string> = { Document: "html", Stylesheet: "css", Script: "js", Image: "images", Font: "fonts", Fetch: "data", XHR: "data" };

/**
 * Bytes transferred on a first visit (empty cache) of each page type, in Chromium, counted from
 * the DevTools protocol (Network.loadingFinished: encoded bytes as received). Once as an
 * officer with JavaScript, once as an officer who chose the low-data mode on the account page.
 */
export async function measurePageWeight(url: string, m: Manifest): Promise<PageWeight[]> {
  const pages = [
    { page: "lesson", path: `/learn/${m.course}/${m.lesson}` },
    { page: "course", path: `/learn/${m.course}` },
    { page: "my learning", path: "/learn" },
    { page: "quiz", path: `/learn/${m.course}/${m.quiz}` },
    { page: "account", path: "/account" },
  ];
  const full = await signIn(url, m.pageAccounts.at(-1)!);
  const light = await signIn(url, m.pageAccounts.at(-2)!);
  await chooseLowData(url, light);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const found: PageWeight[] = [];
  try {
    for (const [mode, account] of [["javascript", full], ["low-data", light]] as const) {
      for (const { page, path } of pages) {
        const context = await browser.newContext();
        await context.addCookies(cookiesFor(url, account));
        found.push({ page, path, mode, ...(await firstVisit(context, `${url}${path}`)) });
        await context.close();
      }
    }
    const context = await browser.newContext();
    found.push({ page: "sign-in (signed out)", path: "/login", mode: "javascript", ...(await firstVisit(context, `${url}/login`)) });
    await context.close();
  } finally {
    await browser.close();
  }
  return found;
}

async function firstVisit(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const kinds = new Map<string, string>();
  const bytes: Record<string, number> = {};
  let requests = 0;
  cdp.on("Network.responseReceived", (e) => kinds.set(e.requestId, KIND[e.type] ?? "other"));
  cdp.on("Network.loadingFinished", (e) => {
    const kind = kinds.get(e.requestId) ?? "other";
    bytes[kind] = (bytes[kind] ?? 0) + e.encodedDataLength;
    requests++;
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  const scripts = await page.locator("script").count();
  await page.close();
  const totalBytes = Object.values(bytes).reduce((a, b) => a + b, 0);
  return { bytes, totalBytes, requests, scripts };
}

function cookiesFor(url: string, account: Account) {
  return account.cookie.split("; ").map((pair) => {
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
  });
}

/** The low-data choice, made through the account page's form like a person would. */
async function chooseLowData(url: string, account: Account) {
  const response = await fetch(`${url}/account`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: account.cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: account.csrf, intent: "data-mode", dataMode: "low" }).toString(),
  });
  if (response.status !== 302) throw new Error(`choosing low-data mode answered ${response.status}`);
}
