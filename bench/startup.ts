import { rmSync } from "node:fs";
import { join } from "node:path";
import { DATA_ROOT } from "./lib/data-folder";
import { pgliteCopy } from "./lib/databases";
import { startServer } from "./lib/server";

export interface StartupTime {
  case: string;
  /** Median of the tries, from spawning `node build/server.js` to the first 200 from /healthz. */
  ms: number;
  tries: number[];
}

const TRIES = 3;

/** Start-up time in the three ways Sendero is run: a new PGlite folder, an existing one, PostgreSQL. */
export async function measureStartup(port: number, databaseUrl: string): Promise<StartupTime[]> {
  const cases: { name: string; env: () => Record<string, string> }[] = [
    {
      name: "PGlite, new data folder",
      env: () => {
        const dir = join(DATA_ROOT, "startup-new");
        rmSync(dir, { recursive: true, force: true });
        return { DATA_DIR: dir };
      },
    },
    { name: "PGlite, existing (seeded) data folder", env: () => ({ DATA_DIR: pgliteCopy("startup-pglite") }) },
    { name: "PostgreSQL (seeded)", env: () => ({ DATABASE_URL: databaseUrl }) },
  ];
  const found: StartupTime[] = [];
  for (const c of cases) {
    const tries: number[] = [];
    for (let i = 0; i < TRIES; i++) {
      const server = await startServer(port, c.env());
      tries.push(Math.round(server.startedInMs));
      await server.stop();
    }
    found.push({ case: c.name, ms: [...tries].sort((a, b) => a - b)[Math.floor(TRIES / 2)]!, tries });
  }
  return found;
}
