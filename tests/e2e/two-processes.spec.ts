import { once } from "node:events";
import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { startPostgres, type TestPostgres } from "../setup/postgres";
import { expectNoAxeViolations } from "./helpers/axe";
import { startServer, type RunningServer } from "./helpers/server";

// Two app processes on one PostgreSQL, as behind a load balancer: a session opened through one
// is accepted by the other, and signing out through either ends it for both. Cookies are not
// separated by port, so one browser talks to both like to one site.
test.describe.configure({ mode: "serial" });

let pg: TestPostgres | null = null;
let servers: RunningServer[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  pg = await startPostgres();
  const url = pg.url;
  // Both start at once: migrations and the demo seed must cope with a concurrent start.
  servers = await Promise.all([3201, 3202].map((port) => startServer(port, { DATABASE_URL: url })));
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  pg?.stop();
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

test("while PostgreSQL is stopped pages say so calmly, in the visitor's language, and come back by themselves", async ({ browser }) => {
  const [a] = servers.map((s) => s.url);
  const pids = servers.map((s) => s.pid);
  // A signed-in officer (an anonymous visitor just gets the sign-in form, which needs no database).
  const signIn = await browser.newContext({ locale: "es-MX" });
  const first = await signIn.newPage();
  await first.goto(`${a}/login`);
  await first.getByLabel("Correo electrónico").fill("officer@demo.sendero.test");
  await first.getByLabel("Contraseña", { exact: true }).fill("sendero-demo");
  await first.getByRole("button", { name: "Iniciar sesión" }).click();
  await expect(first).toHaveURL(`${a}/learn`);
  const cookies = await signIn.cookies();
  await signIn.close();
  pg!.pause();
  try {
    for (const [locale, title] of [
      ["es-MX", "Sendero no está disponible por un momento"],
      ["en-GB", "Sendero is unavailable for a moment"],
    ] as const) {
      const context = await browser.newContext({ locale });
      await context.addCookies(cookies);
      const page = await context.newPage();
      const response = await page.goto(`${a}/learn`);
      expect(response?.status()).toBe(503);
      expect(response?.headers()["retry-after"]).toBe("30");
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expectNoAxeViolations(page, `503 page (${locale})`);
      await context.close();
    }
  } finally {
    pg!.resume();
  }
  const context = await browser.newContext({ locale: "es-MX" });
  const page = await context.newPage();
  await expect(async () => {
    const response = await page.goto(`${a}/login`);
    expect(response?.status()).toBe(200);
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Iniciar sesión" })).toBeVisible();
  await context.close();
  expect(servers.map((s) => s.pid)).toEqual(pids);
});

test("each process stops cleanly on SIGTERM, answering a request already begun and closing its connection", async () => {
  // Half a request is on the wire when the signal comes: it is still answered, with
  // "Connection: close", and the server then ends the connection instead of keeping it alive.
  const socket = connect(3201, "localhost");
  await once(socket, "connect");
  socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n");
  let received = "";
  socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
  const ended = once(socket, "end");
  await new Promise((r) => setTimeout(r, 200));
  process.kill(servers[0]!.pid, "SIGTERM");
  await new Promise((r) => setTimeout(r, 200));
  socket.write("Connection: keep-alive\r\n\r\n");
  await ended;
  expect(received).toMatch(/^HTTP\/1\.1 200/);
  expect(received.toLowerCase()).toContain("connection: close");
  socket.destroy();
  expect(await Promise.all(servers.map((s) => s.stop()))).toEqual([0, 0]);
});
