import { expect, test, type Page, type Response } from "@playwright/test";
import { signInAs } from "./helpers/accounts";

// Server-only libraries must never travel to a browser at a border post: they add tens of
// kilobytes for code that never runs there. Form validation (zod) once reached the sign-in,
// account and admin pages through the routes' actions (see app/utils/zod.server.ts).

/** A string each library keeps in its code even when minified. */
const SERVER_ONLY = { zod: "ZodError", exceljs: "ExcelJS", pdfkit: "PDFDocument", kysely: "kysely", nodemailer: "SMTPConnection" } as const;

async function scriptsOf(page: Page, path: string): Promise<{ url: string; body: string }[]> {
  const scripts: Promise<{ url: string; body: string }>[] = [];
  const listener = (response: Response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text().then((body) => ({ url: response.url(), body })));
  };
  page.on("response", listener);
  expect((await page.goto(path, { waitUntil: "networkidle" }))?.status(), path).toBe(200);
  page.off("response", listener);
  return Promise.all(scripts);
}

test("pages with forms send no server-only library to the browser, and their scripts run", async ({ page }) => {
  // A script that fails while loading leaves a page that looks right but no longer navigates.
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  const pages: string[] = ["/login"];
  const seen = await scriptsOf(page, "/login");
  await signInAs(page, "admin");
  for (const path of ["/account", "/admin/people", "/coordinate/invitations", "/coordinate/certificates", "/admin/dialogue", "/admin/low-data", "/admin/mail", "/dialogue", "/facilitate"]) {
    pages.push(path);
    seen.push(...(await scriptsOf(page, path)));
  }
  expect(errors).toEqual([]);
  expect(seen.length, `scripts loaded by ${pages.join(", ")}`).toBeGreaterThan(3);
  for (const [library, marker] of Object.entries(SERVER_ONLY)) {
    const carriers = seen.filter((s) => s.body.includes(marker)).map((s) => s.url);
    expect(carriers, `${library} in the browser`).toEqual([]);
  }
});
