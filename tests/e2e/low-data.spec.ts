import { expect, test, type Page } from "@playwright/test";
import { DEMO_COHORT, signInAs } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { freshAccount } from "./helpers/invitations";

// Low-data mode: an officer chooses it on the account page; from then on every page arrives
// without a single script (no runtime, no preloads, no hydration data) and still works.
// A fresh account per project, so the demo accounts other journeys use keep their scripts.
const LESSON = "/learn/vulnerability-referral/vulnerability-is-not-an-identity";

async function scriptsIn(page: Page) {
  return page.evaluate(() => document.querySelectorAll("script, link[rel=modulepreload]").length).catch(async () => {
    // Without JavaScript, evaluate is refused: count in the markup the server sent instead.
    const html = await page.content();
    return (html.match(/<script\b|rel="modulepreload"/g) ?? []).length;
  });
}

async function choose(page: Page, label: string) {
  await page.goto("/account");
  await page.getByRole("radio", { name: label }).check();
  await page.getByRole("button", { name: "Guardar", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Se guardó su preferencia." })).toBeVisible();
}

test("an officer turns on low-data mode: no scripts on any page, and forms still work", async ({ browser }, testInfo) => {
  const { context, page } = await freshAccount(browser, testInfo);
  try {
    await page.goto(LESSON);
    if (testInfo.project.name === "js") expect(await scriptsIn(page)).toBeGreaterThan(0);

    await choose(page, "Siempre con pocos datos, sin programas");
    await expectNoAxeViolations(page, "account page with the low-data choice");
    await expect(page.getByText("El modo de pocos datos está activo en esta sesión.")).toBeVisible();

    const response = await page.goto(LESSON);
    const html = (await response?.text()) ?? "";
    expect(html).not.toMatch(/<script\b/);
    expect(html).not.toContain("modulepreload");
    expect(await scriptsIn(page)).toBe(0);
    await expect(page.getByRole("heading", { level: 1, name: "La vulnerabilidad no es una identidad" })).toBeVisible();

    // The lesson's form still records the step and moves on, as a plain POST → redirect → GET.
    await page.getByRole("button", { name: "Listo, siguiente", exact: true }).click();
    await expect(page).toHaveURL(/\/learn\/vulnerability-referral\/four-levels-of-factors$/);
    await expect(page.getByRole("heading", { level: 1, name: "Cuatro niveles de factores de riesgo y de protección" })).toBeVisible();
    expect(await scriptsIn(page)).toBe(0);

    // Back to full pages: the scripts come back.
    await choose(page, "Siempre completas, con programas");
    await page.goto(LESSON);
    if (testInfo.project.name === "js") expect(await scriptsIn(page)).toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});

test("the admin's low-data page per group passes axe", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/low-data");
  await expect(page.getByRole("heading", { level: 1, name: "Modo de pocos datos por grupo" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Activar pocos datos para ${DEMO_COHORT}` })).toBeVisible();
  await expectNoAxeViolations(page, "/admin/low-data");
});
