import { expect, test, type Page, type Response } from "@playwright/test";
import { freshAccount } from "./helpers/invitations";
import { UI } from "./helpers/ui";

const t = UI.es;

// The sign-in form's POST, with or without JavaScript (Remix adds ?_data=… to its own fetches).
function signInResponse(page: Page): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
}

async function submit(page: Page, email: string, password: string): Promise<Response> {
  await page.getByLabel(t.email, { exact: true }).fill(email);
  await page.getByLabel(t.password, { exact: true }).fill(password);
  const response = signInResponse(page);
  await page.getByRole("button", { name: t.signIn, exact: true }).click();
  return response;
}

// Ten failures per project (20 per run) stay well below the per-address limit of 50.
test("ten wrong passwords lock an account; the right password is then refused too, saying when to retry", async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  // An account of its own, so no other test (and no demo account) is ever locked.
  const { person, context } = await freshAccount(browser, testInfo);
  await context.close();

  await page.goto("/login");
  const alert = page.getByRole("alert");
  for (let attempt = 1; attempt <= 9; attempt++) {
    const response = await submit(page, person.email, `contraseña equivocada ${attempt}`);
    expect(response.status(), `attempt ${attempt}`).toBe(401);
    await expect(alert).toHaveText(t.invalidCredentials);
    // What was typed is kept: the e-mail stays in its field.
    await expect(page.getByLabel(t.email, { exact: true })).toHaveValue(person.email);
  }
  const tenth = await submit(page, person.email, "contraseña equivocada 10");
  expect(tenth.status()).toBe(429);
  await expect(alert).toHaveText(t.locked15);

  const eleventh = await submit(page, person.email, person.password);
  expect(eleventh.status()).toBe(429);
  expect(eleventh.headers()["retry-after"]).toBe("900");
  await expect(alert).toHaveText(t.locked15);
  await expect(alert).toContainText("vuelva a intentarlo en 15 minutos");
  await expect(page).toHaveURL(/\/login$/);

  // Nothing was opened: the person's area still asks to sign in.
  await page.goto("/learn");
  await expect(page).toHaveURL("/login?redirectTo=%2Flearn");
});
