import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/axe";
import { freshAccount } from "./helpers/invitations";

// The server half of issue 19 as the browser gets it: a lesson fetched for saving has the
// offline fields in its form (and a normal one has none), the offline page in both languages
// and variants (no one's name on it, axe-clean), and the frame links the app manifest.
const LESSON = "/learn/trafficking-smuggling/what-is-trafficking";

const PAGES = {
  es: { title: "Sin conexión", notSaved: "Esta página no está guardada en este dispositivo", needs: "Esta actividad necesita conexión.", notLost: "Lo que escribió no se pierde", courses: "Ir a mis cursos" },
  en: { title: "You are offline", notSaved: "This page is not saved on this device", needs: "This activity needs a connection.", notLost: "What you typed is not lost", courses: "Go to my courses" },
} as const;

async function visitor(browser: Browser, lang: "es" | "en") {
  const context = await browser.newContext({ locale: lang === "es" ? "es-MX" : "en-US" });
  return { context, page: await context.newPage() };
}

test("a lesson fetched for saving carries the offline fields in its form; opened normally it does not", async ({ browser }, testInfo) => {
  const { page, context } = await freshAccount(browser, testInfo);
  const saved = await page.request.get(LESSON, { headers: { "Sendero-Offline-Save": "1" } });
  expect(saved.status()).toBe(200);
  expect(saved.headers()["cache-control"]).toBe("private, no-store");
  const savedHtml = await saved.text();
  expect(savedHtml).toMatch(/<input type="hidden" name="offlineToken" value="o1\.[\w-]+\.[\w-]+"\/>/);
  expect(savedHtml).toContain('<input type="hidden" name="offlineNext" value="/learn/trafficking-smuggling/what-is-smuggling"/>');

  await page.goto(LESSON);
  await expect(page.getByRole("button", { name: "Listo, siguiente", exact: true })).toBeVisible();
  expect(await page.locator('input[name="offlineToken"], input[name="offlineNext"]').count()).toBe(0);
  // The frame makes the site installable.
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#0b5a63");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/icons/apple-touch-icon.png");
  const manifest = await page.request.get("/manifest.webmanifest");
  expect(manifest.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  expect((await page.request.get("/icons/icon-512.png")).headers()["content-type"]).toBe("image/png");
  await context.close();
});

for (const lang of ["es", "en"] as const) {
  const t = PAGES[lang];
  test(`the offline page, both variants, in ${lang === "es" ? "Spanish" : "English"}`, async ({ browser }) => {
    const { page, context } = await visitor(browser, lang);
    const response = await page.goto("/offline");
    expect(response?.headers()["cache-control"]).toBe("no-cache");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1, name: t.title, exact: true })).toBeVisible();
    await expect(page.getByText(t.notSaved)).toBeVisible();
    await expect(page.getByRole("link", { name: t.courses, exact: true })).toHaveAttribute("href", "/learn");
    // A page the device may show in place of any address: no scripts to hydrate it as another.
    expect(await page.locator("script").count()).toBe(0);
    await expectNoAxeViolations(page, `/offline (${lang})`);

    await page.goto("/offline?reason=connection");
    await expect(page.getByRole("heading", { level: 1, name: t.title, exact: true })).toBeVisible();
    await expect(page.getByText(t.needs)).toBeVisible();
    await expect(page.getByText(t.notLost)).toBeVisible();
    await expect(page.getByText(t.notSaved)).toHaveCount(0);
    await expectNoAxeViolations(page, `/offline?reason=connection (${lang})`);
    await context.close();
  });
}

test("the offline page shows no one's name or sign-out, even to someone signed in", async ({ browser }, testInfo) => {
  const { page, person, context } = await freshAccount(browser, testInfo);
  await page.goto("/learn");
  await expect(page.getByRole("button", { name: "Cerrar sesión", exact: true })).toBeVisible();
  await page.goto("/offline");
  await expect(page.getByRole("heading", { level: 1, name: PAGES.es.title, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cerrar sesión", exact: true })).toHaveCount(0);
  expect(await page.content()).not.toContain(person.name);
  await context.close();
});
