import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/client";
import { loadConfig } from "../config.server";
import { createApp } from "./app";
import { createLogger } from "./log";
import { serviceWorkerScript } from "./service-worker";

// What the offline half of the site needs from the HTTP application, as a browser receives it:
// the service worker's script revalidated on every check (not cached for an hour like other
// public files), the app icons, and a policy that lets the worker and the manifest load.
// These requests never reach Remix or the database, so the app runs on stand-ins for both.
const listening: Server[] = [];
const listen = (app: express.Express) => {
  const server = app.listen(0);
  listening.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
// The build writes public/sw.js; when it has not (a fresh clone), a stand-in is made and removed.
const SW = "public/sw.js";
const madeSw = !existsSync(SW);
let site = "";
beforeAll(() => {
  if (madeSw) writeFileSync(SW, "self.addEventListener('fetch', () => {});\n");
  const config = loadConfig({ NODE_ENV: "production", DATA_DIR: "memory://" });
  site = listen(createApp({ build: {} as ServerBuild, db: {} as DB, config, content: { courses: new Map() }, log: createLogger("error") }));
});
afterAll(async () => {
  await Promise.all(listening.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  if (madeSw) rmSync(SW, { force: true });
});

describe("the service worker's script", () => {
  it("is revalidated on every check and may control the whole site", async () => {
    const response = await fetch(`${site}/sw.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("service-worker-allowed")).toBe("/");
    expect(response.headers.get("content-type")).toMatch(/javascript/);
    expect(response.headers.get("content-security-policy")).toContain("worker-src 'self'");
  });

  it("falls through (to the page's 404) when the build has not written it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sendero-no-sw-"));
    const app = express();
    app.get("/sw.js", serviceWorkerScript(dir));
    app.use((_req, res) => res.status(404).send("not found"));
    const response = await fetch(`${listen(app)}/sw.js`);
    rmSync(dir, { recursive: true, force: true });
    expect(response.status).toBe(404);
    expect(response.headers.get("service-worker-allowed")).toBeNull();
  });
});

describe("the installable app's files and policy", () => {
  it("serves the app icons as other public files, cached for an hour", async () => {
    for (const icon of ["icon-192.png", "icon-512.png", "icon-maskable-512.png", "apple-touch-icon.png"]) {
      const response = await fetch(`${site}/icons/${icon}`);
      expect(response.status, icon).toBe(200);
      expect(response.headers.get("content-type"), icon).toBe("image/png");
      expect(response.headers.get("cache-control"), icon).toBe("public, max-age=3600");
    }
    expect((await fetch(`${site}/favicon.svg`)).headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("lets the site's own service worker and manifest load, and no one else's", async () => {
    const csp = (await fetch(`${site}/favicon.svg`)).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toContain("default-src 'self'");
  });
});
