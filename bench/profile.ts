// `npx tsx bench/profile.ts [--only lesson,course,quiz-page] [--duration 15]` (after `npm run build`
// and `npm run bench:seed`): the server's CPU time per request of each page, from a V8 profile of
// its one process taken during the load only, with the packages that time goes to. Steadier than
// requests per second on a shared machine: it counts the server's own work, not its waiting.
// `--functions` adds the functions that take the most time of their own.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { readManifest } from "./lib/data-folder";
import { benchPostgres } from "./lib/databases";
import { loadRequests } from "./lib/load";
import { startServer } from "./lib/server";
import { signIn, signInAll } from "./lib/sign-in";
import { TARGETS, type Target } from "./targets";

/**
 * Pages profiled here but not loaded by `npm run bench`: the quiz page alone (the quiz-answer
 * target GETs it before every POST, so its cost is half of that target's).
 */
const PROFILE_ONLY: Target[] = [
  { id: "quiz-page", label: "Quiz page (GET)", path: (m) => `/learn/${m.course}/${m.quiz}`, as: "officer", connections: 50 },
];

const { values: args } = parseArgs({ options: { only: { type: "string", default: "lesson,course" }, duration: { type: "string", default: "15" }, functions: { type: "boolean", default: false } } });
const only = new Set(args.only!.split(","));
const seconds = Number(args.duration);
const manifest = readManifest();
const profileFile = join(tmpdir(), `sendero-profile-${process.pid}.cpuprofile`);
const log = (line: string) => process.stdout.write(`${line}\n`);

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Busy milliseconds of the profile, in total and by package (node_modules/<pkg>, node internals, app code). */
function busyTime(profile: Profile): { totalMs: number; byPackage: Map<string, number>; byFunction: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)!;
    if (frame.functionName === "(idle)" || frame.functionName === "(program)") return;
    const us = profile.timeDeltas[i] ?? 0;
    const parts = frame.url.split("node_modules/");
    const pkg = parts.length > 1 ? parts.at(-1)!.split("/").slice(0, parts.at(-1)!.startsWith("@") ? 2 : 1).join("/") : frame.url.startsWith("node:") ? "node internals" : frame.url ? "app (build/server.js)" : frame.functionName;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us / 1000);
    const fn = `${frame.functionName || "(anonymous)"} · ${pkg}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us / 1000);
    total += us / 1000;
  });
  return { totalMs: total, byPackage, byFunction };
}

const postgres = await benchPostgres(3851);
try {
  const server = await startServer(3811, {
    DATABASE_URL: await postgres.freshCopy(),
    WEB_CONCURRENCY: "1",
    NODE_OPTIONS: `--import=${pathToFileURL(resolve("bench/lib/cpu-profile-hook.js")).href}`,
    SENDERO_CPU_PROFILE: profileFile,
  });
  try {
    const officers = await signInAll(server.url, manifest.pageAccounts.slice(0, 100));
    const coordinator = [await signIn(server.url, manifest.coordinator)];
    for (const target of [...TARGETS, ...PROFILE_ONLY]) {
      if (!only.has(target.id) || target.flow || target.method) continue;
      const accounts = target.as === "coordinator" ? coordinator : officers;
      const run = { url: server.url, path: target.path(manifest), connections: target.connections, serverPid: server.pid, accounts };
      await loadRequests({ ...run, seconds: 2 }); // warm-up: JIT, caches, connection pool
      rmSync(profileFile, { force: true });
      process.kill(server.pid, "SIGUSR2");
      const result = await loadRequests({ ...run, seconds });
      process.kill(server.pid, "SIGUSR2");
      for (let i = 0; i < 100 && !existsSync(profileFile); i++) await new Promise((r) => setTimeout(r, 50));
      const { totalMs, byPackage, byFunction } = busyTime(JSON.parse(readFileSync(profileFile, "utf8")) as Profile);
      const requests = result.reqPerSec * seconds;
      log(`\n${target.id}: ${(totalMs / requests).toFixed(2)} ms of server CPU per request (${Math.round(requests)} requests, ${result.reqPerSec} req/s)`);
      for (const [pkg, ms] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12)) log(`  ${(ms / requests).toFixed(2).padStart(6)} ms  ${pkg}`);
      if (args.functions) {
        log("  functions (self time):");
        for (const [fn, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) log(`  ${(ms / requests).toFixed(3).padStart(7)} ms  ${fn}`);
      }
    }
  } finally {
    await server.stop();
  }
} finally {
  postgres.stop();
  rmSync(profileFile, { force: true });
}
