import { spawn } from "node:child_process";

export interface RunningServer {
  url: string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop: () => Promise<number | null>;
  /** Kills the process at once (SIGKILL), as a crash or an out-of-memory kill would. */
  kill: () => Promise<void>;
  pid: number;
  /** The server's last lines of log and stderr, to say why a stop failed. */
  recentLog: () => string;
}

/** Starts the built production server (build/server.js) with extra settings and waits until healthy. */
export async function startServer(port: number, env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ["build/server.js"], {
    env: { ...process.env, PORT: String(port), NODE_ENV: "production", SEED_DEMO: "1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The log (stdout, warnings and up) is kept, not shown: its last lines say why a stop failed.
  // Errors on stderr are passed on as before, and kept too.
  const recent: string[] = [];
  const keep = (chunk: Buffer) => {
    recent.push(...chunk.toString().split("\n").filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 40));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    keep(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // A test that gave up (a hook timing out) must not leave its server holding the port.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));
  const url = `http://localhost:${port}`;
  // Generous: a fresh embedded database is created, migrated and seeded first, on a busy machine.
  const deadline = Date.now() + 110_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on port ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server on port ${port} did not become healthy`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    pid: child.pid ?? 0,
    recentLog: () => `server on port ${port}, last lines of its log:\n${recent.join("\n")}`,
  };
}
