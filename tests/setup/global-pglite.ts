import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { PGliteDialect } from "../../db/pglite-dialect";
import { migrateToLatest } from "../../db/migrate";
import type { TestProject } from "vitest/node";

// Migrates one in-memory PGlite and saves it as a template: each test file starts from a copy
// in under a second instead of running initdb and the migrations again.
export default async function setup(project: TestProject) {
  const pglite = new PGlite();
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir("none");
  await db.destroy();
  const dir = resolve("tests/.tmp");
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, "pglite-template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
}
