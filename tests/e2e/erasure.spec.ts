import { expect, test, type Browser, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { ERASURE_PEOPLE } from "../setup/e2e-seed-accounts";
import { MARKS } from "../setup/personal-data-marks";
import { DEMO, DEMO_PASSWORD, signIn } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";

// Issue 21: an admin erases a person on their request. Each project erases its own person (the
// e2e seed gives each a cohort, a post, progress and a certificate, and a colleague who reads the
// dialogue): afterwards the name and address are on no page, in no export and no search; the
// coordinator's figures are the same; the certificate's verify link says the name was removed.
// Then a request with the grace period blocks the colleague's account until it is cancelled.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const ERASE_NOW = /^Ahora mismo/;
const SUBMIT = "Bloquear la cuenta y borrar los datos";

const who = (projectName: string) => ERASURE_PEOPLE[projectName as keyof typeof ERASURE_PEOPLE];

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "es-MX" })).newPage();
  await signIn(page, email);
  return page;
}

/** The cohort's figures on the coordinator overview (its tables), for the cohort chosen in the filter. */
async function overviewFigures(page: Page, cohort: string): Promise<string[]> {
  await page.goto("/coordinate");
  await page.getByLabel("Grupo", { exact: true }).selectOption({ label: cohort });
  await page.getByRole("button", { name: "Aplicar filtros" }).click();
  await expect(page).toHaveURL(/cohort=/);
  // Without scripts the filter is a page load: read the page once it has all arrived.
  await page.waitForLoadState();
  return page.locator("main table").allInnerTexts();
}

async function openPersonPage(page: Page, name: string) {
  await page.goto(`/admin/people?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("an admin erases a person: the name is gone from every page, export and search; the figures stay; the certificate still verifies", async ({ browser, page }, testInfo) => {
  const { person, colleague, cohort } = who(testInfo.project.name);
  // Before: the person's own verify link, and the colleague reading the person's thread under their name.
  const personPage = await signedInPage(browser, person.email);
  await personPage.goto("/account");
  const verifyHref = await personPage.getByRole("link", { name: "Página pública de verificación" }).first().getAttribute("href");
  expect(verifyHref).toMatch(/^\/verify\//);
  const colleaguePage = await signedInPage(browser, colleague.email);
  await colleaguePage.goto("/dialogue");
  await colleaguePage.getByRole("link", { name: "Espacio general" }).first().click();
  await colleaguePage.getByRole("link", { name: MARKS.thread }).click();
  await expect(colleaguePage.getByText(person.name).first()).toBeVisible();

  await signIn(page, DEMO.admin.email);
  const before = await overviewFigures(page, cohort);
  expect(before.length).toBeGreaterThan(0);

  await openPersonPage(page, person.name);
  const personUrl = page.url();
  await page.getByRole("link", { name: `Borrar los datos de ${person.name}…` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Borrar los datos de ${person.name}` })).toBeVisible();
  await expectNoAxeViolations(page, "erase page");
  // Without the confirmation nothing happens, and the choice made is kept.
  await page.getByRole("radio", { name: ERASE_NOW }).check();
  await page.getByRole("button", { name: SUBMIT }).click();
  await expect(page.getByText("Marque la casilla para confirmar que la persona lo pidió.")).toBeVisible();
  await expect(page.getByRole("radio", { name: ERASE_NOW })).toBeChecked();
  await expectNoAxeViolations(page, "erase page with an error");
  await page.getByRole("checkbox", { name: `Confirmo que ${person.name} (o quien la representa) pidió borrar sus datos.` }).check();
  await page.getByRole("button", { name: SUBMIT }).click();

  await expect(page.getByRole("status")).toHaveText("Se borraron los datos de la persona.");
  const pseudonym = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  expect(pseudonym).toMatch(/^P-[0-9A-F]{8}$/);
  await expect(page.getByText(/^Los datos de esta persona se borraron el /)).toBeVisible();
  // Nothing is left to edit.
  await expect(page.getByRole("button", { name: "Guardar los cambios" })).toHaveCount(0);
  await expectNoAxeViolations(page, "an erased person's page");

  const gone = (text: string) => {
    expect(text).not.toContain(person.name);
    expect(text).not.toContain(person.email);
  };
  // Searched by name or by address: nobody.
  for (const q of [person.name, person.email]) {
    await page.goto(`/admin/people?q=${encodeURIComponent(q)}`);
    await expect(page.getByText("Ninguna persona coincide con la búsqueda.")).toBeVisible();
  }
  // The pages that listed them: the pseudonym instead.
  await page.goto(`/admin/people?q=${pseudonym}`);
  await expect(page.getByRole("link", { name: pseudonym })).toBeVisible();
  await expect(page.getByText("Datos borrados", { exact: true })).toBeVisible();
  const learners = await learnerList(page, cohort);
  expect(learners.text).toContain(pseudonym);
  gone(learners.text);
  for (const url of [personUrl, "/admin/audit", "/admin/erasure", "/coordinate/certificates", page.url()]) {
    await page.goto(url);
    gone(await page.content());
  }
  await page.goto("/admin/erasure");
  await expect(page.getByRole("row", { name: new RegExp(pseudonym) })).toContainText("Datos borrados");
  // The exports: the learners' report and what the person's data download still holds.
  const report = await page.request.get(`/resources/report-learners?cohort=${learners.cohortId}&format=csv`);
  expect(report.ok()).toBe(true);
  const csv = await report.text();
  expect(csv).toContain(pseudonym);
  gone(csv);
  const personId = new URL(personUrl).pathname.split("/").pop();
  const zip = await page.request.get(`/resources/personal-data/${personId}`);
  expect(zip.ok()).toBe(true);
  gone(Object.values(unzipSync(new Uint8Array(await zip.body()))).map((bytes) => strFromU8(bytes)).join("\n"));

  // The coordinator's figures are the same.
  expect(await overviewFigures(page, cohort)).toEqual(before);

  // The colleague reads the thread by a removed participant.
  await colleaguePage.reload();
  await expect(colleaguePage.getByText("Participante retirado").first()).toBeVisible();
  gone(await colleaguePage.content());
  // The certificate still verifies, without the name, for anyone.
  const visitor = await (await browser.newContext({ locale: "es-MX" })).newPage();
  await visitor.goto(verifyHref!);
  await expect(visitor.getByRole("status")).toContainText("Certificado válido");
  await expect(visitor.getByText("Nombre retirado a petición de la persona")).toBeVisible();
  gone(await visitor.content());
  await expectNoAxeViolations(visitor, "verify page of an erased holder");
  // The person's session has ended, and the address signs no one in.
  await personPage.reload();
  await expect(personPage).toHaveURL(/\/login/);
  await personPage.getByLabel("Correo electrónico", { exact: true }).fill(person.email);
  await personPage.getByLabel("Contraseña", { exact: true }).fill(DEMO_PASSWORD);
  await personPage.getByRole("button", { name: "Iniciar sesión", exact: true }).click();
  await expect(personPage.getByText("El correo o la contraseña no son correctos. Revíselos e inténtelo de nuevo.")).toBeVisible();
});

/** The coordinator's learner list for the cohort, as text, and the cohort's id from the filter. */
async function learnerList(page: Page, cohort: string): Promise<{ text: string; cohortId: string }> {
  await page.goto("/coordinate/learners");
  await page.getByLabel("Grupo", { exact: true }).selectOption({ label: cohort });
  await page.getByRole("button", { name: "Aplicar filtros" }).click();
  await expect(page).toHaveURL(/cohort=/);
  // Without scripts the filter is a page load: read the page once it has all arrived.
  await page.waitForLoadState();
  return { text: await page.locator("main").innerText(), cohortId: new URL(page.url()).searchParams.get("cohort") ?? "" };
}

test("a request with the grace period blocks the account until it is cancelled; the account then opens again only when reactivated", async ({ browser, page }, testInfo) => {
  const { colleague } = who(testInfo.project.name);
  const colleaguePage = await signedInPage(browser, colleague.email);
  await signIn(page, DEMO.admin.email);
  await openPersonPage(page, colleague.name);
  await page.getByRole("link", { name: `Borrar los datos de ${colleague.name}…` }).click();
  await expect(page.getByRole("radio", { name: /^Después del plazo del programa: 30 días/ })).toBeChecked();
  await page.getByRole("checkbox", { name: `Confirmo que ${colleague.name} (o quien la representa) pidió borrar sus datos.` }).check();
  await page.getByRole("button", { name: SUBMIT }).click();
  await expect(page.getByRole("status")).toHaveText("Se bloqueó la cuenta y se programó el borrado de los datos.");
  await expect(page.getByText(/^La cuenta está bloqueada y sus datos se borrarán el /)).toBeVisible();
  // Still there under their name until the grace period is over, but signed out at once.
  await expect(page.getByRole("heading", { level: 1, name: colleague.name })).toBeVisible();
  await colleaguePage.reload();
  await expect(colleaguePage).toHaveURL(/\/login/);

  // Reactivating is refused while the erasure waits.
  await page.goto(`/admin/people?q=${encodeURIComponent(colleague.name)}`);
  await page.getByRole("button", { name: `Reactivar la cuenta de ${colleague.name}` }).click();
  await expect(page.getByRole("status")).toContainText(`La cuenta de ${colleague.name} está bloqueada por un borrado pedido.`);

  await openPersonPage(page, colleague.name);
  await page.getByRole("button", { name: "Cancelar el borrado" }).click();
  await expect(page.getByRole("status")).toHaveText("Se canceló el borrado. La cuenta sigue desactivada.");
  await expectNoAxeViolations(page, "person page after cancelling an erasure");
  await page.goto(`/admin/people?q=${encodeURIComponent(colleague.name)}`);
  await page.getByRole("button", { name: `Reactivar la cuenta de ${colleague.name}` }).click();
  await expect(page.getByRole("status")).toHaveText(`Se reactivó la cuenta de ${colleague.name}.`);
  await signIn(colleaguePage, colleague.email);
  await expect(colleaguePage).toHaveURL(/\/learn/);
});
