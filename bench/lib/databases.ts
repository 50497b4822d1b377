import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { DATA_ROOT, PG_FOLDER, PGLITE_FOLDER, startBenchPostgres } from "./data-folder";

export const RUN_DATABASE = "bench_run";

/**
 * The seeded PostgreSQL cluster, with a fresh copy of the seeded database for each run (the
 * runs write: views, quiz answers), so every run starts from the same data. A template copy
 * is a file copy inside PostgreSQL: seconds, not a re-seed.
 */
export async function benchPostgres(port: number) {
  const server = await startBenchPostgres(port);
  const base = server.url.replace(/\/postgres$/, "");
  return {
    async freshCopy(): Promise<string> {
      const admin = new pg.Client({ connectionString: `${base}/template1` });
      await admin.connect();
      try {
        await admin.query(`drop database if exists ${RUN_DATABASE} with (force)`);
        await admin.query(`create database ${RUN_DATABASE} template postgres`);
      } finally {
        await admin.end();
      }
      return `${base}/${RUN_DATABASE}`;
    },
    /** The postmaster's pid (its children are the backends that run the queries). */
    pid: Number(readFileSync(join(PG_FOLDER, "data", "postmaster.pid"), "utf8").split("\n")[0]),
    stop: () => server.stop(),
  };
}

/** A fresh copy of the seeded PGlite folder for one run. */
export function pgliteCopy(name = "run-pglite"): string {
  const target = join(DATA_ROOT, name);
  rmSync(target, { recursive: true, force: true });
  cpSync(PGLITE_FOLDER, target, { recursive: true });
  return target;
}
