import { expect, test } from "@playwright/test";
import { startPostgres } from "../setup/postgres";
import { startServer, type RunningServer } from "./helpers/server";

// Two app processes on one PostgreSQL, as behind a load balancer: a session opened through one
// is accepted by the other, and signing out through either ends it for both. Cookies are not
// separated by port, so one browser talks to both like to one site.
test.describe.configure({ mode: "serial" });

let stopPostgres: () => void = () => {};
let servers: RunningServer[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const pg = await startPostgres();
  stopPostgres = pg.stop;
  // Both start at once: migrations and the demo seed must cope with a concurrent start.
  servers = await Promise.all([3201, 3202].map((port) => startServer(port, { DATABASE_URL: pg.url })));
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  stopPostgres();
});

test("a session opened on one process is accepted by another, and sign-out holds for both", async ({ page }) => {
  const [a, b] = servers.map((s) => s.url);
  await page.goto(`${a}/login`);
  await page.getByLabel("Correo electrónico").fill("coordinator@demo.sendero.test");
  await page.getByLabel("Contraseña", { exact: true }).fill("sendero-demo");
  await page.getByRole("button", { name: "Iniciar sesión" }).click();
  await expect(page).toHaveURL(`${a}/coordinate`);

  await page.goto(`${b}/coordinate`);
  await expect(page).toHaveURL(`${b}/coordinate`);
  await expect(page.getByRole("heading", { level: 1, name: "Coordinación" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Carla Coordinator" })).toBeVisible();

  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page).toHaveURL(/\/login\?notice=signed-out$/);
  await page.goto(`${a}/coordinate`);
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcoordinate$/);
});

test("each process stops cleanly on SIGTERM", async () => {
  expect(await Promise.all(servers.map((s) => s.stop()))).toEqual([0, 0]);
});
