import { defineConfig } from "@playwright/test";

// End-to-end journeys against the built production server on a fresh embedded database,
// driven by Debian's Chromium (browsers cannot be downloaded here). Every journey runs twice:
// with JavaScript and without it.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// Per port, so two runs on one machine do not share (or wipe) each other's data.
const DATA_DIR = `tests/.tmp/e2e-data-${PORT}`;

const OWN_SERVERS = /(two-processes|server-start|cluster|mail-invitation|programme-setup)\.spec\.ts/;
// Specs about what the browser downloads: there is nothing to check with scripts off.
const SCRIPTS_ONLY = /(browser-bundle|offline-reading|typing-before-scripts)\.spec\.ts/;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "es-MX",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "off",
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true }, testIgnore: OWN_SERVERS },
    { name: "no-js", use: { javaScriptEnabled: false }, testIgnore: [OWN_SERVERS, SCRIPTS_ONLY] },
    // Specs that start servers of their own (two processes on PostgreSQL, a refused start).
    { name: "own-servers", testMatch: OWN_SERVERS },
  ],
  webServer: {
    command: `rm -rf ${DATA_DIR} && npx tsx tests/setup/e2e-seed.ts && node build/server.js`,
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATA_DIR,
      NODE_ENV: "production",
      SEED_DEMO: "1",
      LOG_LEVEL: "warn",
    },
  },
});
