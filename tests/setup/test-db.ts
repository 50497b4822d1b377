import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type DB } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";

export type Engine = "pglite" | "postgres";

export interface TestDb {
  db: DB;
  engine: Engine;
  /** The PostgreSQL database's connection string (for a child process); PGlite has none. */
  url: string | null;
  /** Opens another, independent handle on the same database (another "process"); PostgreSQL only. */
  openAnother: () => DB;
  close: () => Promise<void>;
}

/** A fresh, migrated database for one test file, on the engine of the current vitest project. */
export async function openTestDb(): Promise<TestDb> {
  const engine = (process.env.SENDERO_TEST_ENGINE ?? "pglite") as Engine;
  if (engine === "pglite") {
    const template = readFileSync(inject("pgliteTemplate"));
    const db = createDb({ dataDir: "memory://", loadDataDir: new Blob([template]) });
    return {
      db,
      engine,
      url: null,
      openAnother: () => {
        throw new Error("PGlite is one process: there is no second handle");
      },
      close: () => db.destroy(),
    };
  }
  const serverUrl = inject("postgresUrl");
  const name = `sendero_test_${randomBytes(6).toString("hex")}`;
  const admin = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }) });
  await sql`create database ${sql.id(name)}`.execute(admin);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handles: DB[] = [];
  const open = () => {
    const db = createDb({ databaseUrl: url.toString(), poolSize: 4 });
    handles.push(db);
    return db;
  };
  const db = open();
  await migrateToLatest(db);
  return {
    db,
    engine,
    url: url.toString(),
    openAnother: open,
    close: async () => {
      await Promise.all(handles.map((h) => h.destroy()));
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
      await admin.destroy();
    },
  };
}
