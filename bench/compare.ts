// `npm run bench:compare -- --base <commit> [--head HEAD] [--rounds 2] [--duration 15] [--size small] [--only lesson,course]`
// Is any page slower than at <base>? Builds and seeds each commit in its own worktree
// (under the system temporary folder, outside the repository so no tool of this one scans it), then runs `bench/run.ts` on PostgreSQL for base and head in turn,
// `rounds` times each, so that drift on a shared machine hits both sides alike. Prints, and writes
// to bench/results/compare.json, the median requests per second and the server's CPU
// milliseconds per request of every page, base against head. See bench/README.md.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Results } from "./lib/results";

const { values: args } = parseArgs({
  options: {
    base: { type: "string" },
    head: { type: "string", default: "HEAD" },
    rounds: { type: "string", default: "2" },
    duration: { type: "string", default: "15" },
    size: { type: "string", default: "small" },
    // The pages to compare (bench/run.ts --only); every page when absent.
    only: { type: "string" },
  },
});
if (!args.base) throw new Error("give --base <commit>: the code to compare against");

const ROOT = resolve(".");
const WORKTREES = join(tmpdir(), "sendero-bench-compare");
const log = (line: string) => process.stdout.write(`${line}\n`);
const git = (...a: string[]) => execFileSync("git", a, { cwd: ROOT, encoding: "utf8" }).trim();

/** A built, seeded worktree of `rev` (reused when it is already there). */
function prepare(rev: string): { commit: string; dir: string } {
  const commit = git("rev-parse", "--short", rev);
  const dir = join(WORKTREES, commit);
  if (!existsSync(dir)) {
    mkdirSync(WORKTREES, { recursive: true });
    git("worktree", "add", "--detach", dir, commit);
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  }
  const run = (cmd: string, a: string[]) => execFileSync(cmd, a, { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  log(`${commit}: build`);
  run("npm", ["run", "build"]);
  if (!existsSync(join(dir, "bench/.data/manifest.json"))) {
    log(`${commit}: seed (${args.size})`);
    run("npx", ["tsx", "bench/seed.ts", "--size", args.size!, "--engine", "postgresql"]);
  }
  return { commit, dir };
}

interface Sample {
  reqPerSec: number;
  cpuMsPerRequest: number;
}

function measure(dir: string): Results {
  const only = args.only ? ["--only", args.only] : [];
  execFileSync("npx", ["tsx", "bench/run.ts", "--engine", "postgresql", "--duration", args.duration!, "--skip", "weight,startup", ...only], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  return JSON.parse(readFileSync(join(dir, "bench/results/latest.json"), "utf8")) as Results;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

const sides = { base: prepare(args.base), head: prepare(args.head!) };
// samples[side]["lesson · 1 process"] = one sample per round
const samples: Record<"base" | "head", Map<string, Sample[]>> = { base: new Map(), head: new Map() };
const labels = new Map<string, string>();
for (let round = 1; round <= Number(args.rounds); round++) {
  for (const side of ["base", "head"] as const) {
    log(`round ${round}: ${side} (${sides[side].commit})`);
    for (const run of measure(sides[side].dir).runs) {
      for (const target of run.targets) {
        const key = `${target.id} · ${run.workers}`;
        labels.set(key, `${target.label}, ${run.workers} process${run.workers > 1 ? "es" : ""}`);
        const list = samples[side].get(key) ?? [];
        list.push({ reqPerSec: target.reqPerSec, cpuMsPerRequest: target.reqPerSec > 0 ? (target.rss.cpuCores * 1000) / target.reqPerSec : 0 });
        samples[side].set(key, list);
      }
    }
  }
}

const rows = [...labels].map(([key, label]) => {
  const of = (side: "base" | "head", f: keyof Sample) => median((samples[side].get(key) ?? []).map((s) => s[f]));
  const base = { reqPerSec: of("base", "reqPerSec"), cpuMsPerRequest: of("base", "cpuMsPerRequest") };
  const head = { reqPerSec: of("head", "reqPerSec"), cpuMsPerRequest: of("head", "cpuMsPerRequest") };
  return { key, label, base, head, throughputChange: base.reqPerSec ? head.reqPerSec / base.reqPerSec - 1 : 0, cpuChange: base.cpuMsPerRequest ? head.cpuMsPerRequest / base.cpuMsPerRequest - 1 : 0 };
});
const pct = (x: number) => `${x >= 0 ? "+" : ""}${Math.round(x * 100)} %`;
const table = [
  `Base ${sides.base.commit} against head ${sides.head.commit} · PostgreSQL · ${args.size} data set · ${args.duration} s per run · median of ${args.rounds} alternated rounds`,
  "",
  "| Page | req/s base | req/s head | change | CPU ms/request base | head | change |",
  "|---|---|---|---|---|---|---|",
  ...rows.map((r) => `| ${r.label} | ${round1(r.base.reqPerSec)} | ${round1(r.head.reqPerSec)} | ${pct(r.throughputChange)} | ${round1(r.base.cpuMsPerRequest)} | ${round1(r.head.cpuMsPerRequest)} | ${pct(r.cpuChange)} |`),
].join("\n");
log(`\n${table}`);
mkdirSync(join(ROOT, "bench/results"), { recursive: true });
writeFileSync(join(ROOT, "bench/results/compare.json"), `${JSON.stringify({ date: new Date().toISOString(), ...args, base: sides.base.commit, head: sides.head.commit, samples: Object.fromEntries(Object.entries(samples).map(([s, m]) => [s, Object.fromEntries(m)])), rows }, null, 2)}\n`);
writeFileSync(join(ROOT, "bench/results/compare.md"), `${table}\n`);
