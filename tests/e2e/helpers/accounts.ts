import { expect, type Page, type TestInfo } from "@playwright/test";
import { UI, type Lang } from "./ui";

export type Role = "officer" | "facilitator" | "coordinator" | "admin";

/** The demo accounts the test server seeds (db/seeds/demo.ts). Never lock them: no wrong passwords. */
export const DEMO_PASSWORD = "sendero-demo";
export const DEMO: Record<Role, { email: string; name: string; home: string }> = {
  officer: { email: "officer@demo.sendero.test", name: "Ana Officer", home: "/learn" },
  facilitator: { email: "facilitator@demo.sendero.test", name: "Bruno Facilitator", home: "/facilitate" },
  coordinator: { email: "coordinator@demo.sendero.test", name: "Carla Coordinator", home: "/coordinate" },
  admin: { email: "admin@demo.sendero.test", name: "Diego Admin", home: "/admin" },
};
export const ROLE_HOME: Record<Role, string> = {
  officer: "/learn",
  facilitator: "/facilitate",
  coordinator: "/coordinate",
  admin: "/admin",
};

/** The one demo cohort (named after the year the server seeded it). */
export const DEMO_COHORT = `Programa regional ${new Date().getFullYear()} — grupo piloto`;

/** A password good enough for the app's rule (at least 10 characters). */
export const FRESH_PASSWORD = "una frase de prueba larga";

let counter = 0;
/** A suffix no other test, project or run uses: time, project, worker and a counter. */
export function uniqueSuffix(testInfo: TestInfo): string {
  counter += 1;
  return `${Date.now().toString(36)}-${testInfo.project.name}-w${testInfo.workerIndex}-${counter}`;
}

export function uniqueEmail(testInfo: TestInfo, label: string): string {
  return `${label}-${uniqueSuffix(testInfo)}@e2e.sendero.test`;
}

export interface SignInOptions {
  password?: string;
  lang?: Lang;
  /** The server's address, for a spec that runs its own server (otherwise the project's baseURL). */
  origin?: string;
}

/** Signs in through the form on /login and waits until the person has left the sign-in page. */
export async function signIn(page: Page, email: string, { password = DEMO_PASSWORD, lang = "es", origin = "" }: SignInOptions = {}): Promise<void> {
  const t = UI[lang];
  await page.goto(`${origin}/login`);
  await page.getByLabel(t.email, { exact: true }).fill(email);
  await page.getByLabel(t.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: t.signIn, exact: true }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

export async function signInAs(page: Page, role: Role): Promise<void> {
  await signIn(page, DEMO[role].email);
  await expect(page).toHaveURL(new RegExp(`${DEMO[role].home}$`));
}

/** Signs out with the header button; the sign-in page then says so. */
export async function signOut(page: Page, lang: Lang = "es"): Promise<void> {
  const t = UI[lang];
  await page.getByRole("banner").getByRole("button", { name: t.signOut, exact: true }).click();
  await expect(page).toHaveURL(/\/login\?notice=signed-out$/);
  await expect(page.getByRole("status")).toHaveText(t.signedOut);
}

/** Presses the header's button for the other language and waits for the page to speak it. */
export async function switchLanguage(page: Page, to: Lang): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: UI[to].languageButton, exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to);
}
