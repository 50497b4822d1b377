// `npm run bench -- [--duration 10] [--engine both|postgresql|pglite] [--only lesson,course] [--skip load,weight,startup] [--server-node-options=…]`
// Builds (npm script), then measures the production server on the data set of bench:seed and
// writes bench/results/latest.json and bench/RESULTS.md. See bench/README.md.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DATA_ROOT, readManifest } from "./lib/data-folder";
import { gitCommit } from "./lib/git-commit";
import { benchPostgres, pgliteCopy } from "./lib/databases";
import { loadFormFlow, loadRequests, type LoadResult } from "./lib/load";
import { writeResults, type EngineRun, type Results } from "./lib/results";
import { startServer } from "./lib/server";
import { signIn, signInAll, type Account } from "./lib/sign-in";
import { measurePageWeight } from "./page-weight";
import { measureSavedCourse } from "./saved-course";
import { measureStartup } from "./startup";
import { TARGETS, type Engine, type Role, type Target } from "./targets";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    engine: { type: "string", default: "both" },
    only: { type: "string" },
    skip: { type: "string", default: "" },
    // e.g. "--max-old-space-size=128": given to the server processes only, to try memory limits.
    "server-node-options": { type: "string", default: "" },
  },
});
const seconds = Number(args.duration);
const only = args.only ? new Set(args.only.split(",")) : null;
const skip = new Set(args.skip!.split(",").filter(Boolean));
const cores = availableParallelism();

// Ports: 3800-3899 belong to the benchmarks.
const PORT = { static: 3801, server: 3810, postgres: 3850, weight: 3820, startup: 3830 };

const manifest = readManifest();
const engines: Engine[] = args.engine === "both" ? ["postgresql", "pglite"] : [args.engine as Engine];
// One process, then (PostgreSQL only: PGlite serves one process) one worker per core.
const configs = skip.has("load") ? [] : engines.flatMap((engine): { engine: Engine; workers: number }[] =>
  engine === "postgresql" ? [{ engine, workers: 1 }, ...(cores > 1 ? [{ engine, workers: cores }] : [])] : [{ engine, workers: 1 }],
);
const log = (line: string) => process.stdout.write(`${line}\n`);

const postgres = engines.includes("postgresql") || !skip.has("startup") || !skip.has("weight") ? await benchPostgres(PORT.postgres) : null;
const results: Results = {
  commit: gitCommit(),
  date: new Date().toISOString(),
  cores,
  node: process.version,
  serverNodeOptions: args["server-node-options"] ?? "",
  load: { start: round2(loadavg()[0]!), end: 0 },
  seconds,
  dataSet: { size: manifest.size, officers: manifest.officers, counts: manifest.counts },
  runs: [],
  pageWeight: null,
  savedCourse: null,
  startup: null,
};

try {
  let staticServer: { stop: () => void } | null = null;
  for (const config of configs) {
    const env: Record<string, string> = {
      ...(config.engine === "postgresql" ? { DATABASE_URL: await postgres!.freshCopy(), WEB_CONCURRENCY: String(config.workers) } : { DATA_DIR: pgliteCopy() }),
      ...(args["server-node-options"] ? { NODE_OPTIONS: args["server-node-options"] } : {}),
    };
    log(`\n== ${config.engine}, ${config.workers} process(es) ==`);
    const server = await startServer(PORT.server, env);
    try {
      const accounts = await signInFor(server.url);
      if (!staticServer) staticServer = await startStaticReference(server.url, accounts.officer[0]!);
      const reference = await loadRequests({ url: `http://127.0.0.1:${PORT.static}`, path: "/", connections: 50, seconds, serverPid: server.pid });
      log(`static reference: ${reference.reqPerSec} req/s, p99 ${reference.p99Ms} ms`);
      const run: EngineRun = { engine: config.engine, workers: config.workers, reference: { reqPerSec: reference.reqPerSec, p50Ms: reference.p50Ms, p99Ms: reference.p99Ms }, targets: [] };
      for (const target of TARGETS) {
        if (only && !only.has(target.id)) continue;
        if (target.engines && !target.engines.includes(config.engine)) continue;
        const result = await measure(server.url, server.pid, target, accounts[target.as], config.engine === "postgresql" ? postgres!.pid : undefined);
        const ratio = Math.round((result.reqPerSec / reference.reqPerSec) * 10_000) / 10_000;
        run.targets.push({ id: target.id, label: target.label, goal: target.goal ?? null, ...result, ratio });
        log(`${target.id}: ${result.reqPerSec} req/s (${(ratio * 100).toFixed(2)} % of static), p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${result.errors}, RSS ${result.rss.maxPerProcessMb} MB/process, CPU ${result.rss.cpuCores} cores (database ${result.rss.dbCpuCores ?? "in-process"})`);
      }
      results.runs.push(run);
    } finally {
      await server.stop();
    }
  }
  staticServer?.stop();

  if (!skip.has("weight")) {
    log("\n== page weight (Chromium) ==");
    const server = await startServer(PORT.weight, { DATABASE_URL: await postgres!.freshCopy() });
    try {
      results.pageWeight = await measurePageWeight(server.url, manifest);
      for (const page of results.pageWeight) log(`${page.page} (${page.mode}): ${(page.totalBytes / 1024).toFixed(1)} KB, ${page.scripts} scripts`);
      results.savedCourse = await measureSavedCourse(server.url, manifest);
      log(`saved course ${results.savedCourse.course}: ${(results.savedCourse.pagesBytes / 1024).toFixed(1)} KB of pages, ${(results.savedCourse.storedBytes / 1024).toFixed(1)} KB stored in all`);
    } finally {
      await server.stop();
    }
  }

  if (!skip.has("startup")) {
    log("\n== start-up ==");
    results.startup = await measureStartup(PORT.startup, await postgres!.freshCopy());
    for (const s of results.startup) log(`${s.case}: ${s.ms} ms`);
  }
} finally {
  postgres?.stop();
}

results.load.end = round2(loadavg()[0]!);
writeResults(results);
log("\nWrote bench/results/latest.json and bench/RESULTS.md");

async function signInFor(url: string): Promise<Record<Role, Account[]>> {
  const want = (role: Role) => Math.max(0, ...TARGETS.filter((t) => t.as === role && (!only || only.has(t.id))).map((t) => t.connections));
  // Twice as many officers as connections (each has its own session); the coordinator's list
  // is the same for every session, so one session serves all its connections.
  return {
    officer: await signInAll(url, manifest.pageAccounts.slice(0, Math.max(1, want("officer") * 2))),
    "fresh-officer": await signInAll(url, manifest.quizAccounts.slice(0, want("fresh-officer") * 2)),
    coordinator: want("coordinator") ? [await signIn(url, manifest.coordinator)] : [],
  };
}

async function measure(url: string, pid: number, target: Target, accounts: Account[], databasePid: number | undefined): Promise<LoadResult> {
  const path = target.path(manifest);
  if (target.flow === "submit-form") return loadFormFlow({ url, path, connections: target.connections, seconds, serverPid: pid, databasePid, accounts });
  return loadRequests({
    url,
    path,
    connections: target.connections,
    seconds,
    serverPid: pid,
    databasePid,
    accounts,
    ...(target.method ? { method: target.method } : {}),
    ...(target.body ? { body: target.body } : {}),
  });
}

/** Saves the lesson page as an officer sees it and serves it from the minimal static server. */
async function startStaticReference(url: string, officer: Account) {
  const response = await fetch(`${url}/learn/${manifest.course}/${manifest.lesson}`, { headers: { cookie: officer.cookie } });
  if (!response.ok) throw new Error(`lesson page answered ${response.status}`);
  const file = join(DATA_ROOT, "lesson.html");
  writeFileSync(file, await response.text());
  const child = spawn(process.execPath, ["--import", "tsx", "bench/static-server.ts", file, String(PORT.static)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`static server exited with ${code}`)));
  });
  return { stop: () => child.kill("SIGTERM") };
}

function round2(n: number) {
  return Math.round(n * 100) / 100;
}

