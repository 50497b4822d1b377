import { mkdirSync, writeFileSync } from "node:fs";
import type { PageWeight } from "../page-weight";
import type { SavedCourseSize } from "../saved-course";
import type { StartupTime } from "../startup";
import type { Engine, Target } from "../targets";
import type { LoadResult } from "./load";

export interface TargetResult extends LoadResult {
  id: string;
  label: string;
  goal: Target["goal"] | null;
  /** Throughput as a share of the static reference measured in the same engine run. */
  ratio: number;
}

export interface EngineRun {
  engine: Engine;
  workers: number;
  reference: { reqPerSec: number; p50Ms: number; p99Ms: number };
  targets: TargetResult[];
}

export interface Results {
  commit: string;
  date: string;
  cores: number;
  node: string;
  /** NODE_OPTIONS given to the server processes ("" for none). */
  serverNodeOptions: string;
  /** The machine's load average (1 min) when the run started and ended: other work skews figures. */
  load: { start: number; end: number };
  seconds: number;
  dataSet: { size: string; officers: number; counts: Record<string, number> };
  runs: EngineRun[];
  pageWeight: PageWeight[] | null;
  /** Absent from results written before offline saving existed. */
  savedCourse?: SavedCourseSize | null;
  startup: StartupTime[] | null;
}

type Verdict = "met" | "not met" | "not measured";

interface GoalRow {
  goal: string;
  measured: string;
  verdict: Verdict;
}

// null: PGlite, whose database runs inside the server; undefined: not measured by that run.
const cpu = (t: TargetResult) => `${t.rss.cpuCores} · ${t.rss.dbCpuCores === null ? "(in the server)" : (t.rss.dbCpuCores ?? "—")}`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pct = (ratio: number) => `${(ratio * 100).toFixed(2)} %`;
const verdict = (ok: boolean): Verdict => (ok ? "met" : "not met");

/** The issue's targets, each with what this run measured and whether it is met. */
export function goals(r: Results): GoalRow[] {
  const pg = r.runs.find((run) => run.engine === "postgresql" && run.workers === 1);
  const pgAll = r.runs.find((run) => run.engine === "postgresql" && run.workers > 1) ?? pg;
  const target = (run: EngineRun | undefined, id: string) => run?.targets.find((t) => t.id === id);
  const rows: GoalRow[] = [];

  const lesson = target(pgAll, "lesson");
  rows.push(
    lesson
      ? {
          goal: "Lesson page, 50 connections, PostgreSQL: ≥ 5 % of static, p99 ≤ 100 ms",
          measured: `${pct(lesson.ratio)} of static, p99 ${lesson.p99Ms} ms (${pgAll!.workers} process(es))`,
          verdict: verdict(lesson.ratio >= 0.05 && lesson.p99Ms <= 100),
        }
      : { goal: "Lesson page, 50 connections, PostgreSQL: ≥ 5 % of static, p99 ≤ 100 ms", measured: "—", verdict: "not measured" },
  );
  const quiz = target(pgAll, "quiz-answer");
  rows.push(
    quiz
      ? { goal: "Quiz answer POST, 100 connections, PostgreSQL: 0 errors, p99 ≤ 150 ms", measured: `${quiz.errors} errors, p99 ${quiz.p99Ms} ms`, verdict: verdict(quiz.errors === 0 && quiz.p99Ms <= 150) }
      : { goal: "Quiz answer POST, 100 connections, PostgreSQL: 0 errors, p99 ≤ 150 ms", measured: "—", verdict: "not measured" },
  );
  for (const id of ["overview", "learner-list"]) {
    const t = target(pgAll, id);
    const name = id === "overview" ? "Coordinator overview" : "Coordinator learner list";
    rows.push(
      t
        ? { goal: `${name} over ${r.dataSet.officers.toLocaleString("en")} officers: p50 ≤ 150 ms`, measured: `p50 ${t.p50Ms} ms`, verdict: verdict(t.p50Ms <= 150) }
        : { goal: `${name} over 10,000 officers: p50 ≤ 150 ms`, measured: placeholderNote(pgAll, id), verdict: "not measured" },
    );
  }
  const csv = target(pgAll, "csv-export");
  rows.push(
    csv
      ? { goal: "CSV export of 100,000 rows: streamed, server RSS < 300 MB", measured: `RSS ${csv.rss.maxPerProcessMb} MB while exporting every officer × course of the data set (${(r.dataSet.counts.enrolments ?? 0).toLocaleString("en")} rows)`, verdict: verdict(csv.rss.maxPerProcessMb < 300) }
      : { goal: "CSV export of 100,000 rows: streamed, server RSS < 300 MB", measured: "— (target \"csv-export\" not run)", verdict: "not measured" },
  );
  const lessonJs = r.pageWeight?.find((p) => p.page === "lesson" && p.mode === "javascript");
  const lessonLow = r.pageWeight?.find((p) => p.page === "lesson" && p.mode === "low-data");
  rows.push(
    lessonJs && lessonLow
      ? {
          goal: "First lesson visit: ≤ 120 KB with JavaScript, ≤ 25 KB in low-data mode",
          measured: `${kb(lessonJs.totalBytes)} with JavaScript, ${kb(lessonLow.totalBytes)} low-data`,
          verdict: verdict(lessonJs.totalBytes <= 120 * 1024 && lessonLow.totalBytes <= 25 * 1024),
        }
      : { goal: "First lesson visit: ≤ 120 KB with JavaScript, ≤ 25 KB in low-data mode", measured: "—", verdict: "not measured" },
  );
  // Per server process on PostgreSQL (PGlite holds the whole database in the process).
  const multi = r.runs.find((run) => run.engine === "postgresql" && run.workers > 1);
  const rssMax = Math.max(0, ...r.runs.filter((run) => run.engine === "postgresql").flatMap((run) => run.targets.map((t) => t.rss.maxPerProcessMb)));
  const cores = multi ? Math.max(...multi.targets.map((t) => t.rss.cpuCores)) : 0;
  rows.push(
    multi
      ? {
          goal: "Server RSS under load ≤ 250 MB per process; both cores used",
          measured: `peak ${rssMax} MB per process on PostgreSQL; ${multi.workers} workers used up to ${cores} cores (the load tool and the database share the machine)`,
          verdict: verdict(rssMax <= 250 && multi.workers >= 2 && cores > 1),
        }
      : { goal: "Server RSS under load ≤ 250 MB per process; both cores used", measured: r.runs.length ? `peak ${rssMax} MB per process; one process only` : "—", verdict: "not measured" },
  );
  return rows;
}

function placeholderNote(_run: EngineRun | undefined, id: string): string {
  return `— (target "${id}" not run: see --only / --skip)`;
}

export function markdown(r: Results): string {
  const lines: string[] = [];
  lines.push("# Benchmark results", "");
  lines.push(`Commit \`${r.commit}\` · ${r.date} · ${r.cores} cores · Node ${r.node} · ${r.seconds} s per run${r.serverNodeOptions ? ` · server NODE_OPTIONS \`${r.serverNodeOptions}\`` : ""}`);
  lines.push(`Load average (1 min) at start ${r.load.start}, at end ${r.load.end} (${r.cores} cores: above ${r.cores} other work competed for the CPU)`);
  lines.push(`Data set: ${r.dataSet.size} — ${Object.entries(r.dataSet.counts).map(([k, v]) => `${v.toLocaleString("en")} ${k}`).join(", ")}`);
  lines.push("", "Written by `npm run bench` (see bench/README.md). Throughput is given as a share of a static copy of the lesson page served by a minimal node:http server in the same run, because absolute numbers on a shared 2-core machine are noise.", "");
  lines.push("## Targets", "", "| Target | Measured | Status |", "|---|---|---|");
  for (const g of goals(r)) lines.push(`| ${g.goal} | ${g.measured} | ${g.verdict} |`);
  for (const run of r.runs) {
    lines.push("", `## Load: ${run.engine === "postgresql" ? "PostgreSQL" : "PGlite"}, ${run.workers} server process(es)`, "");
    lines.push(`Static reference: ${run.reference.reqPerSec.toLocaleString("en")} req/s, p50 ${run.reference.p50Ms} ms, p99 ${run.reference.p99Ms} ms (50 connections).`, "");
    lines.push("| Page | Connections | req/s | % of static | p50 ms | p99 ms | Errors | Peak RSS / process | CPU cores: server · database |", "|---|---|---|---|---|---|---|---|---|");
    for (const t of run.targets) {
      if (t.requests === 0) {
        lines.push(`| ${t.label} | ${t.connections} | no answer within the ${t.seconds} s run | — | — | — | — | ${t.rss.maxPerProcessMb} MB | ${cpu(t)} |`);
        continue;
      }
      lines.push(`| ${t.label} | ${t.connections} | ${t.reqPerSec} | ${pct(t.ratio)} | ${t.p50Ms} | ${t.p99Ms} | ${t.errors}${t.stale ? ` (${t.stale} stale)` : ""}${t.ranOutOfAccounts ? " (ran out of accounts: ended early)" : ""} | ${t.rss.maxPerProcessMb} MB | ${cpu(t)} |`);
    }
  }
  if (r.pageWeight) {
    lines.push("", "## Page weight (first visit, Chromium, compressed as sent)", "", "| Page | Mode | Total | HTML | CSS | JS | Images | Fonts | Requests | `<script>` |", "|---|---|---|---|---|---|---|---|---|---|");
    for (const p of r.pageWeight) {
      const b = (k: string) => kb(p.bytes[k] ?? 0);
      lines.push(`| ${p.page} | ${p.mode} | ${kb(p.totalBytes)} | ${b("html")} | ${b("css")} | ${b("js")} | ${b("images")} | ${b("fonts")} | ${p.requests} | ${p.scripts} |`);
    }
  }
  if (r.savedCourse) {
    const s = r.savedCourse;
    lines.push(
      "",
      "## A course saved for offline use (Chromium, Cache Storage after the save)",
      "",
      "| Course | Its pages and images | Stored in all (with scripts, styles, precache) | Entries | Received while saving |",
      "|---|---|---|---|---|",
      `| ${s.course} | ${kb(s.pagesBytes)} | ${kb(s.storedBytes)} | ${s.entries} | ${kb(s.transferredBytes)} |`,
    );
  }
  if (r.startup) {
    lines.push("", "## Start-up (spawn to first successful /healthz, median of 3)", "", "| Case | ms | Tries |", "|---|---|---|");
    for (const s of r.startup) lines.push(`| ${s.case} | ${s.ms} | ${s.tries.join(", ")} |`);
  }
  return `${lines.join("\n")}\n`;
}

export function writeResults(r: Results): void {
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/latest.json", `${JSON.stringify({ ...r, goals: goals(r) }, null, 2)}\n`);
  writeFileSync("bench/RESULTS.md", markdown(r));
}
