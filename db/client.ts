import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import { PGliteDialect } from "./pglite-dialect";
import type { Database } from "./types";
import { unavailableAware } from "./unavailable-dialect";

export type DB = Kysely<Database>;
/**
 * A handle inside an open transaction. Functions that must run in one take `Trx`, so the type
 * checker stops them being called with the top-level `db` (and stops `db` being used inside a
 * transaction, which deadlocks PGlite's single connection).
 */
export type Trx = Transaction<Database>;

export interface DatabaseOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite engine is used. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; `memory://` for a throw-away database. */
  dataDir?: string | undefined;
  /** A PGlite data-folder dump to start from (tests load a migrated template this way). */
  loadDataDir?: Blob | File | undefined;
  /** Connection pool size for PostgreSQL. */
  poolSize?: number | undefined;
  /**
   * What to throw instead when PostgreSQL cannot be reached (the server turns it into a 503);
   * by default the driver's own error.
   */
  onUnavailable?: ((failure: Error) => unknown) | undefined;
  /** Told when PostgreSQL cuts a connection (restart, failover); by default a line on stderr. */
  onConnectionLost?: ((error: Error) => void) | undefined;
}

const INT8 = 20;
const DATE = 1082;

// Both engines return the same JavaScript values: counts (int8) as numbers, dates (without
// time) as the 'YYYY-MM-DD' text they are, timestamps as Date.
pg.types.setTypeParser(INT8, (value: string) => Number(value));
pg.types.setTypeParser(DATE, (value: string) => value);
const pgliteParsers = { [INT8]: (value: string) => Number(value), [DATE]: (value: string) => value };

/** Opens the database: PostgreSQL through `pg` when a URL is given, otherwise PGlite. */
export function createDb(options: DatabaseOptions): DB {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // While PostgreSQL is down a request fails within seconds instead of hanging.
      connectionTimeoutMillis: 5_000,
    });
    // An idle connection closed by the server (restart, failover, a dropped test database) must
    // not crash the process: the pool replaces it at the next query.
    const connectionLost =
      options.onConnectionLost ??
      ((error: Error) => {
        process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: "warn", message: "database connection lost", error: error.message })}\n`);
      });
    pool.on("error", connectionLost);
    // The pool listens only to idle connections; one in use when PostgreSQL stops would emit an
    // unhandled 'error' and take the process down. Its query fails on its own (→ 503).
    pool.on("connect", (client) => client.on("error", connectionLost));
    const dialect = new PostgresDialect({ pool });
    return new Kysely<Database>({ dialect: options.onUnavailable ? unavailableAware(dialect, options.onUnavailable) : dialect });
  }
  const dataDir = options.dataDir ?? "./data";
  // PGlite does not create parent folders itself.
  if (!dataDir.includes("://")) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite({
    dataDir,
    parsers: pgliteParsers,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}

/** The engine a handle talks to, for logs and the health check. */
export function engineName(options: DatabaseOptions): "postgresql" | "pglite" {
  return options.databaseUrl ? "postgresql" : "pglite";
}
