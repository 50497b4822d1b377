import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

// The server reads and validates the courses at start-up and refuses to serve broken content,
// saying where the problem is.
test("the server refuses to start on invalid content and names the file and line", () => {
  const dir = "tests/.tmp/broken-content";
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(`${dir}/broken/lessons`, { recursive: true });
  writeFileSync(
    `${dir}/broken/course.yaml`,
    "id: broken\nversion: 1\nlocales:\n  es: published\ntitle:\n  es: Roto\nsummary:\n  es: Roto.\nminutes: 5\ncolour: red\nmodules:\n  - id: m\n    title:\n      es: M\n    items:\n      - id: a\n        kind: lesson\n",
  );
  const result = spawnSync(process.execPath, ["build/server.js"], {
    env: { ...process.env, PORT: "3309", CONTENT_DIR: dir, DATA_DIR: "tests/.tmp/broken-content-data", NODE_ENV: "production", SEED_DEMO: "0" },
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  const output = result.stdout + result.stderr;
  expect(output).toContain("tests/.tmp/broken-content/broken/course.yaml:10");
  expect(output).toContain('unknown key \\"colour\\"');
  expect(result.stderr).toContain("Sendero cannot start: the content in tests/.tmp/broken-content has errors");
});

// Several processes (WEB_CONCURRENCY) need PostgreSQL: PGlite's folder belongs to one process.
test("the server refuses WEB_CONCURRENCY above 1 on the embedded database, saying why", () => {
  const result = spawnSync(process.execPath, ["build/server.js"], {
    env: { ...process.env, PORT: "3309", WEB_CONCURRENCY: "2", DATABASE_URL: "", DATA_DIR: "tests/.tmp/cluster-refused-data", NODE_ENV: "production", SEED_DEMO: "0" },
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("WEB_CONCURRENCY=2 needs PostgreSQL (DATABASE_URL)");
});
