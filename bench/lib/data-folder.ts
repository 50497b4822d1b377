import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { startPostgres } from "../../tests/setup/postgres";

/**
 * Where `bench:seed` leaves the seeded databases for `bench` (git-ignored):
 *   bench/.data/pg/       a PostgreSQL cluster (started on demand, stopped after)
 *   bench/.data/pglite/   a PGlite data folder
 *   bench/.data/manifest.json  what was seeded: size, counts, the accounts to sign in with
 */
export const DATA_ROOT = resolve("bench/.data");
export const PG_FOLDER = join(DATA_ROOT, "pg");
export const PGLITE_FOLDER = join(DATA_ROOT, "pglite");
export const MANIFEST = join(DATA_ROOT, "manifest.json");

/** The password of every bench account (one argon2id hash, reused). Not a secret: test data. */
export const BENCH_PASSWORD = "bench-sendero-2026";

export interface Manifest {
  seed: number;
  size: string;
  officers: number;
  engines: ("postgresql" | "pglite")[];
  counts: Record<string, number>;
  seconds: number;
  /** The course, lesson and quiz the load runs open (every officer may open them). */
  course: string;
  lesson: string;
  quiz: string;
  /** Officers who have not begun that quiz (fresh quiz state for the answer POST run). */
  quizAccounts: string[];
  /** Officers for the page runs. */
  pageAccounts: string[];
  coordinator: string;
  admin: string;
  /** A long thread in a regional space every officer belongs to. */
  dialogueThread: string;
}

export function readManifest(): Manifest {
  if (!existsSync(MANIFEST)) throw new Error("No seeded data in bench/.data: run `npm run bench:seed` first.");
  return JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
}

/** Starts the benchmark's PostgreSQL cluster from bench/.data/pg (created when missing). */
export function startBenchPostgres(port?: number) {
  return startPostgres({ keepIn: PG_FOLDER, ...(port ? { port } : {}) });
}
