import { expect, test } from "@playwright/test";
import { signInAs } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";

// The retention page (issue 21): the policy in force and the daily job, a refused period shown
// beside its field with what was typed, and a saved one; axe-clean in each state.
test("an admin sees and changes how long data is kept", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/retention");
  await expect(page.getByRole("heading", { level: 1, name: "Conservación de datos" })).toBeVisible();
  await expect(page.getByText("Próxima ejecución (a partir de)")).toBeVisible();
  await expectNoAxeViolations(page, "/admin/retention");

  await page.getByLabel("Entradas del registro de auditoría").fill("0");
  await page.getByRole("button", { name: "Guardar la política" }).click();
  await expect(page.getByText("Escriba un número de días de 1 a 3650.")).toBeVisible();
  await expect(page.getByLabel("Entradas del registro de auditoría")).toHaveValue("0");
  await expectNoAxeViolations(page, "/admin/retention with an error");

  await page.getByLabel("Entradas del registro de auditoría").fill("730");
  await page.getByRole("button", { name: "Guardar la política" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Se guardó la política de conservación." })).toBeVisible();
  await expect(page.getByText("730 días")).toBeVisible();
});
