import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveCommand } from "../../scripts/serve-command.js";
import { DATA_ROOT } from "./data-folder";

export interface BenchServer {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first successful /healthz. */
  startedInMs: number;
  stop: () => Promise<number | null>;
}

/**
 * Starts the production server (build/server.js) the way an operator would, on loopback, and
 * waits for its first successful /healthz. The request log goes nowhere (it is still written);
 * errors go to bench/.data/server-<port>.log (a run's end cuts requests off mid-way).
 */
export async function startServer(port: number, env: Record<string, string>): Promise<BenchServer> {
  mkdirSync(DATA_ROOT, { recursive: true });
  const errors = openSync(join(DATA_ROOT, `server-${port}.log`), "a");
  const t0 = performance.now();
  const serve = serveCommand();
  const child: ChildProcess = spawn(process.execPath, serve.args, {
    env: { ...serve.env, ...process.env, NODE_ENV: "production", SEED_DEMO: "0", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "ignore", errors],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on port ${port} exited with ${child.exitCode} (see bench/.data/server-${port}.log)`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server on port ${port} did not become healthy`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const startedInMs = performance.now() - t0;
  return {
    url,
    pid: child.pid!,
    startedInMs,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** A process's resident memory in MB (VmRSS), or 0 once it has gone. */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process and its children (the workers of a cluster). */
export function processTree(pid: number): number[] {
  const path = `/proc/${pid}/task/${pid}/children`;
  const children = existsSync(path) ? readFileSync(path, "utf8").trim().split(/\s+/).filter(Boolean).map(Number) : [];
  return [pid, ...children];
}

/** CPU time (user + system) a process has used so far, in seconds (Linux clock ticks are 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * Samples the server's processes while a run lasts: the peak RSS per process, and the CPU
 * they used (in cores: 1.0 is one core busy all the time), to see whether both cores work.
 */
export function sampleRss(pid: number, everyMs = 200, databasePid?: number) {
  const peaks = new Map<number, number>();
  const cpuAtStart = new Map<number, number>();
  const cpuLatest = new Map<number, number>();
  const t0 = performance.now();
  // The PostgreSQL server's own processes (its backends do the queries' work), counted apart.
  const dbStart = new Map<number, number>();
  const dbLatest = new Map<number, number>();
  const sample = () => {
    if (databasePid) {
      for (const p of processTree(databasePid)) {
        const cpu = cpuSeconds(p);
        if (!dbStart.has(p)) dbStart.set(p, cpu);
        if (cpu) dbLatest.set(p, cpu);
      }
    }
    for (const p of processTree(pid)) {
      peaks.set(p, Math.max(peaks.get(p) ?? 0, rssMb(p)));
      const cpu = cpuSeconds(p);
      if (!cpuAtStart.has(p)) cpuAtStart.set(p, cpu);
      if (cpu) cpuLatest.set(p, cpu);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop(): { maxPerProcessMb: number; totalMb: number; processes: number; cpuCores: number; dbCpuCores: number | null } {
      clearInterval(timer);
      sample();
      const wall = (performance.now() - t0) / 1000;
      const cpu = [...cpuLatest.entries()].reduce((sum, [p, c]) => sum + c - (cpuAtStart.get(p) ?? c), 0);
      // With a cluster, the primary only forwards connections: it is counted, but it does not serve.
      const values = [...peaks.values()];
      const dbCpu = [...dbLatest.entries()].reduce((sum, [p, c]) => sum + c - (dbStart.get(p) ?? c), 0);
      return {
        maxPerProcessMb: round(Math.max(...values)),
        totalMb: round(values.reduce((a, b) => a + b, 0)),
        processes: values.length,
        cpuCores: round(cpu / wall),
        dbCpuCores: databasePid ? round(dbCpu / wall) : null,
      };
    },
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
