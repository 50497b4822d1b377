import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../setup/csv";
import { signIn, signOut } from "./helpers/accounts";
import { expectNoAxeViolations } from "./helpers/axe";
import { BROKEN_LINES, enrolmentXlsx, previewFile, programmePeople, signInLinks } from "./helpers/enrolment";
import { startServer, type RunningServer } from "./helpers/server";

// Setting up a programme on a new installation, through the browser only: an empty database
// (no demo), the first admin made with the README's command, then countries, institutions, a
// cohort with its courses and due dates, a 120-line XLSX import, a facilitator and a country
// coordinator; the coordinator sees that country's officers, an officer sees the courses.
// Each run has its own server on its own empty database: once without JavaScript, once with it.
const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 12;
const PASSWORD = "una contraseña larga de prueba";
const COURSES = [
  { id: "trafficking-smuggling", title: "Trata de personas y tráfico ilícito de migrantes: distinguirlos y responder", due: "2027-03-08" },
  { id: "unaccompanied-children", title: "Niñas, niños y adolescentes no acompañados y separados: primer contacto, protección y referencia", due: "2027-03-10" },
];

async function setPassword(page: Page, link: string) {
  await page.goto(link);
  await page.getByLabel("Nueva contraseña", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Repita la contraseña", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Guardar la contraseña", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?notice=password-reset$/);
}

async function addCountry(page: Page, code: string, name: string) {
  await page.getByLabel("Código ISO", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Añadir el país", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`Se añadió el país ${code}.`);
  await expect(page.getByRole("table").getByRole("rowheader", { name: name, exact: true })).toBeVisible();
}

async function addInstitution(page: Page, country: string, name: string, shortName: string, kind: string) {
  await page.goto("/admin/institutions");
  await page.getByLabel("País", { exact: true }).selectOption({ label: country });
  await page.getByLabel("Nombre", { exact: true }).fill(name);
  await page.getByLabel("Nombre corto o sigla", { exact: true }).fill(shortName);
  await page.getByLabel("Tipo de institución", { exact: true }).selectOption({ label: kind });
  await page.getByRole("button", { name: "Añadir la institución", exact: true }).click();
  await expect(page.getByText("Se añadió la institución.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

async function grantRole(page: Page, email: string, role: string, scope: string, field: { label: string; option: string }) {
  await page.goto("/admin/roles");
  await page.getByLabel("Correo de la persona", { exact: true }).fill(email);
  await page.getByLabel("Función", { exact: true }).selectOption({ label: role });
  await page.getByLabel("Alcance", { exact: true }).selectOption({ label: scope });
  await page.getByLabel(field.label, { exact: true }).selectOption({ label: field.option });
  await page.getByRole("button", { name: "Dar la función", exact: true }).click();
  await expect(page.getByText("Se dio la función.")).toBeVisible();
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`a programme set up from the browser, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    const port = BASE_PORT + (javaScriptEnabled ? 1 : 0);
    const dataDir = `tests/.tmp/e2e-programme-${port}`;
    const env = { DATA_DIR: dataDir, PORT: String(port), NODE_ENV: "production" as const, SEED_DEMO: "0", LOG_LEVEL: "warn" };
    let server: RunningServer | null = null;
    let adminLink = "";

    test.use({ baseURL: `http://localhost:${port}`, javaScriptEnabled, locale: "es-MX" });

    test.beforeAll(async () => {
      test.setTimeout(90_000);
      rmSync(dataDir, { recursive: true, force: true });
      // The first admin, the way the README says: a one-time command that prints a link.
      const printed = execFileSync("npx", ["tsx", "scripts/admin-create.ts", "--email", "admin@programa.test", "--name", "Alicia Administradora"], { env: { ...process.env, ...env }, encoding: "utf8" });
      adminLink = printed.match(/http:\/\/localhost:\d+\/reset\/[A-Za-z0-9_-]+/)?.[0] ?? "";
      expect(adminLink, printed).not.toBe("");
      server = await startServer(port, env);
    });

    test.afterAll(async () => {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test("countries, institutions, a cohort, a 120-line import, roles; the coordinator and an officer see what they should", async ({ page }) => {
      test.setTimeout(240_000);
      const people = programmePeople(javaScriptEnabled ? "js" : "nojs");
      await setPassword(page, adminLink);
      await signIn(page, "admin@programa.test", { password: PASSWORD });

      await page.goto("/admin/countries");
      await expect(page.getByText("Todavía no hay países. Añada el primero con su código ISO.")).toBeVisible();
      await addCountry(page, "GT", "Guatemala");
      await addCountry(page, "HN", "Honduras");
      await expectNoAxeViolations(page, "countries", { javaScriptEnabled });

      await addInstitution(page, "Guatemala", "Instituto Guatemalteco de Migración", "IGM", "Instituto o servicio de migración");
      await addInstitution(page, "Honduras", "Instituto Nacional de Migración", "INM", "Instituto o servicio de migración");
      await addInstitution(page, "Honduras", "Dirección de Niñez, Adolescencia y Familia", "DINAF", "Protección de la niñez");
      await page.goto("/admin/institutions");
      await expect(page.getByRole("table", { name: "3 instituciones" })).toBeVisible();
      await expectNoAxeViolations(page, "institutions", { javaScriptEnabled });

      // A regional run for 70 people, with two courses and their due dates.
      await page.goto("/coordinate/cohorts");
      await page.getByLabel("Nombre", { exact: true }).fill("Programa regional 2027");
      await page.getByLabel("Fecha de inicio", { exact: true }).fill("2027-02-01");
      await page.getByLabel("Fecha de fin", { exact: true }).fill("2027-03-12");
      await page.getByLabel("Capacidad", { exact: true }).fill("70");
      await page.getByLabel("País", { exact: true }).selectOption({ label: "Regional (varios países)" });
      for (const course of COURSES) {
        await page.getByRole("checkbox", { name: course.title, exact: true }).check();
        await page.getByLabel(`Fecha límite de «${course.title}»`, { exact: true }).fill(course.due);
      }
      await page.getByRole("button", { name: "Crear el grupo", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Programa regional 2027" })).toBeVisible();
      await expect(page.getByText("0 de 70", { exact: false })).toBeVisible();
      const cohortUrl = new URL(page.url()).pathname;
      await expectNoAxeViolations(page, "cohort", { javaScriptEnabled });

      // The dry run of the file as first sent: its three bad lines, by number; no import button.
      await page.getByRole("link", { name: "Inscribir personas desde un archivo (CSV o XLSX)", exact: true }).click();
      await expect(page).toHaveURL(`${cohortUrl}/enrolment`);
      await previewFile(page, "oficiales.xlsx", await enrolmentXlsx(people, true));
      await expect(page.getByRole("alert").getByRole("listitem")).toHaveText([
        `línea ${BROKEN_LINES[0]}, correo: no es un correo válido`,
        `línea ${BROKEN_LINES[1]}, país: ese país no existe en Sendero`,
        `línea ${BROKEN_LINES[2]}, nombre: falta el valor`,
      ]);
      await expect(page.getByRole("button", { name: /^Importar/ })).toHaveCount(0);
      await expectNoAxeViolations(page, "enrolment preview with errors", { javaScriptEnabled });

      // The fixed file: 120 people do not fit in 70 seats, and the dry run says so before any import.
      await previewFile(page, "oficiales.xlsx", await enrolmentXlsx(people, false));
      await expect(page.getByText("Crear: 120 · Actualizar: 0 · Sin cambios: 0 · Errores: 0")).toBeVisible();
      await expect(page.getByRole("alert")).toHaveText("Este archivo inscribiría 120 personas más en Programa regional 2027, que tiene 70 plazas libres. Aumente la capacidad del grupo o divida el archivo.");
      await expect(page.getByRole("button", { name: /^Importar/ })).toHaveCount(0);
      const previewUrl = page.url();

      // The coordinator of the run makes room, and the same kept file then imports, all of it.
      await page.goto(cohortUrl);
      await page.getByLabel("Capacidad", { exact: true }).fill("120");
      await page.getByRole("button", { name: "Guardar los cambios", exact: true }).click();
      await expect(page.getByText("Se guardaron los cambios.")).toBeVisible();
      await page.goto(previewUrl);
      await expect(page.getByText("Crear: 120 · Actualizar: 0 · Sin cambios: 0 · Errores: 0")).toBeVisible();
      await page.getByRole("button", { name: "Importar 120 personas", exact: true }).click();
      await expect(page.getByText("Importación terminada en Programa regional 2027: 120 personas nuevas, 0 actualizadas, 0 sin cambios.")).toBeVisible();
      const links = await signInLinks(page, 120);
      expect(links.size).toBe(120);
      await expectNoAxeViolations(page, "enrolment result", { javaScriptEnabled });

      const facilitator = people[0]!;
      const coordinator = people[60]!;
      const officer = people[1]!;
      await grantRole(page, facilitator.email, "Facilitador/a", "Grupo", { label: "Grupo", option: "Programa regional 2027" });
      await grantRole(page, coordinator.email, "Coordinador/a", "País", { label: "País", option: "Honduras" });
      await expectNoAxeViolations(page, "roles", { javaScriptEnabled });
      await page.goto(cohortUrl);
      await expect(page.getByRole("table", { name: /facilita/i }).getByText(facilitator.email)).toBeVisible();
      await signOut(page);

      // The Honduran coordinator sees Honduras' 60 officers (two courses each), and nobody else.
      await setPassword(page, links.get(coordinator.email)!);
      await signIn(page, coordinator.email, { password: PASSWORD });
      await page.goto("/coordinate/learners");
      await expect(page.getByRole("heading", { level: 2, name: "120 inscripciones" })).toBeVisible();
      const exported = await page.request.get("/resources/report-learners?format=csv");
      expect(exported.status()).toBe(200);
      const [, ...rows] = parseCsv((await exported.text()).replace(/^\uFEFF/, ""));
      const emails = new Set(rows.map((r) => r[1]));
      expect([...emails].sort()).toEqual(people.filter((p) => p.country === "HN").map((p) => p.email).sort());
      expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(["Honduras"]));
      await signOut(page);

      // An officer of the cohort signs in with the link the import produced.
      await setPassword(page, links.get(officer.email)!);
      await signIn(page, officer.email, { password: PASSWORD });
      await page.goto("/learn");
      for (const course of COURSES) {
        const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: course.title, exact: true }) });
        await expect(card.locator(`time[datetime^="${course.due}"]`)).toBeVisible();
      }
      await expect(page.getByRole("heading", { level: 3, name: "Programa regional 2027" })).toBeVisible();
      await expectNoAxeViolations(page, "officer's courses", { javaScriptEnabled });
    });
  });
}
