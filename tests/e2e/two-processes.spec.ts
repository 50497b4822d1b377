import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startPostgres } from "../setup/postgres";

// Two app processes on one PostgreSQL, as behind a load balancer: a session opened through one
// is accepted by the other, and signing out through either ends it for both. Cookies are not
// separated by port, so one browser talks to both like to one site.
const PORTS = [3201, 3202] as const;
let stopPostgres: () => void = () => {};
const servers: ChildProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const pg = await startPostgres();
  stopPostgres = pg.stop;
  const start = (port: number) => {
    const child = spawn(process.execPath, ["build/server.js"], {
      env: { ...process.env, PORT: String(port), DATABASE_URL: pg.url, NODE_ENV: "production", SEED_DEMO: "1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    servers.push(child);
  };
  // Both start at once: migrations and the demo seed must cope with a concurrent start.
  PORTS.forEach(start);
  for (const port of PORTS) await waitForHealth(port);
});

test.afterAll(async () => {
  await Promise.all(
    servers.map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    })),
  );
  stopPostgres();
});

async function waitForHealth(port: number) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://localhost:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on port ${port} did not become healthy`);
}

test.describe.configure({ mode: "serial" });

test("a session opened on one process is accepted by another, and sign-out holds for both", async ({ page }) => {
  const [a, b] = PORTS.map((port) => `http://localhost:${port}`);
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
  const exits = servers.map(
    (child) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code))),
  );
  for (const child of servers) child.kill("SIGTERM");
  expect(await Promise.all(exits)).toEqual([0, 0]);
});
