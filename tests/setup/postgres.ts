import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Starts a throw-away PostgreSQL server in a temporary folder and returns its URL.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 * With `keepIn` (the benchmarks) the server lives in that folder instead, is created there only
 * when missing, and is kept when stopped.
 */
export interface TestPostgres {
  url: string;
  /** Stops the server and removes its files (unless kept). */
  stop: () => void;
  /** Stops the server (fast shutdown: open connections are cut), keeping its data. */
  pause: () => void;
  /** Starts a paused server again on the same port. */
  resume: () => void;
}

export async function startPostgres(options: { keepIn?: string; port?: number } = {}): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const kept = options.keepIn;
  if (kept) mkdirSync(kept, { recursive: true });
  const dir = kept ?? mkdtempSync(join(tmpdir(), "sendero-pg-"));
  chmodSync(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const full = join(bin, command);
    const result = asRoot
      ? spawnSync("runuser", ["-u", "postgres", "--", full, ...args], { encoding: "utf8" })
      : spawnSync(full, args, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  if (asRoot) execFileSync("chown", ["-R", "postgres:", dir]);
  const port = options.port ?? (await freePort());
  if (!existsSync(join(dir, "data", "PG_VERSION"))) run("initdb", ["-D", join(dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const start = () =>
    run("pg_ctl", [
      "-D", join(dir, "data"),
      "-l", join(dir, "server.log"),
      "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`,
      "-w", "start",
    ]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pause: () => run("pg_ctl", ["-D", join(dir, "data"), "-m", "fast", "-w", "stop"]),
    resume: start,
    stop: () => {
      if (kept) return run("pg_ctl", ["-D", join(dir, "data"), "-m", "fast", "-w", "stop"]);
      try {
        run("pg_ctl", ["-D", join(dir, "data"), "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function postgresBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL server not found: install it with `apt-get install -y postgresql`.");
  return join(root, newest, "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
