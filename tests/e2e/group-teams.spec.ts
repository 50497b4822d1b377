import { expect, test } from "@playwright/test";
import { DEMO_COHORT, signInAs } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";

// The facilitator forms the demo cohort's teams for group activities, one per country, in one
// step. (Both projects do it at once on the one server: forming them again is allowed while no
// team has written anything, so either order gives the same teams.)
test("the facilitator forms one team per country for the demo cohort", async ({ page }) => {
  await signInAs(page, "facilitator");
  await page.getByRole("link", { name: "Equipos para las actividades en grupo", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Equipos de los grupos", exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "the facilitator's cohorts for teams");
  await page.getByRole("link", { name: DEMO_COHORT, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Equipos de «${DEMO_COHORT}»`, exact: true })).toBeVisible();
  await page.getByLabel("Un equipo por país", { exact: true }).check();
  await page.getByRole("button", { name: "Formar los equipos", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(/^Se formaron \d+ equipos\.$/);
  // The demo cohort's officers come from Mexico and Guatemala.
  await expect(page.getByRole("table", { name: /^Equipo Guatemala: \d+ personas?$/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Equipo México: \d+ personas?$/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /^Equipo Guatemala/ }).getByRole("rowheader", { name: "Juan Pérez", exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "a cohort's teams");
});
