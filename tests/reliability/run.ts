/**
 * `npm run test:reliability`: simulated officers complete lessons and answer a quiz at the same
 * time against the production server while faults are injected — the server is SIGKILLed and
 * restarted, and (on PostgreSQL) the database is stopped and started. Afterwards every
 * acknowledged write must be in the database exactly once and the event log must agree with
 * the projections. Prints a summary per engine; exits 1 when anything is lost, doubled,
 * inconsistent, or a request failed with an unexpected 5xx.
 *
 *   npm run test:reliability -- --officers 200 --engines postgresql,pglite --modules 1
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { parseArgs } from "node:util";
import { createDb, type DB } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seeds/demo";
import { loadContent } from "../../app/content/load.server";
import { startServer, type RunningServer } from "../e2e/helpers/server";
import { startPostgres, type TestPostgres } from "../setup/postgres";
import { RunLog, simulateOfficer, type ItemPlan } from "./officer";
import { createOfficers } from "./officers";
import { verify, type Verdict } from "./verify";

const { values: args } = parseArgs({
  options: {
    officers: { type: "string", default: "200" },
    engines: { type: "string", default: "postgresql,pglite" },
    modules: { type: "string", default: "1" },
    course: { type: "string", default: "vulnerability-referral" },
    port: { type: "string", default: "3400" },
    /** Where to write the figures as JSON (npm test folds them into its closing line). */
    report: { type: "string" },
  },
});
const OFFICERS = Number(args.officers);
const PORT = Number(args.port);
const COURSE = args.course;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A GET that tries again when a kept-alive socket happens to close under it. */
async function probe(url: string, headers: Record<string, string> = {}): Promise<Response> {
  for (let i = 0; ; i++) {
    try {
      return await fetch(url, { headers, redirect: "manual" });
    } catch (error) {
      if (i === 3) throw error;
      await pause(100);
    }
  }
}

// Where the database has to answer 503 (stopped) and a little after it is back, while the
// pool replaces connections cut by the stop; any other 5xx is a failure.
const OUTAGE_GRACE_MS = 5_000;

interface EngineReport {
  engine: string;
  officers: number;
  log: RunLog;
  verdict: Verdict;
  faults: string[];
  expected503: number;
  unexpected5xx: number;
  problems: string[];
  seconds: number;
}

function planFor(modules: number): { items: ItemPlan[]; expectedWrites: number } {
  const { catalog } = loadContent("content/courses");
  const course = catalog.courses.get(COURSE);
  if (!course) throw new Error(`no course ${COURSE} in content/`);
  const moduleIds = course.modules.slice(0, modules).map((m) => m.id);
  const items: ItemPlan[] = [];
  let expectedWrites = 0;
  for (const item of course.items.values()) {
    if (!moduleIds.includes(item.moduleId)) continue;
    if (item.kind !== "lesson" && item.kind !== "quiz") continue;
    items.push({ id: item.id, kind: item.kind });
    const quiz = course.quizzes.get(item.id);
    expectedWrites += item.kind === "lesson" ? 1 : quiz?.draw ?? quiz?.questions.length ?? 0;
  }
  return { items, expectedWrites };
}

async function runEngine(engine: "postgresql" | "pglite"): Promise<EngineReport> {
  const started = Date.now();
  const runId = `run${Date.now()}`;
  const { items, expectedWrites } = planFor(Number(args.modules));
  let pg: TestPostgres | null = null;
  const dataDir = `tests/.tmp/reliability-pglite-${PORT}`;
  let env: Record<string, string>;
  if (engine === "postgresql") {
    pg = await startPostgres();
    env = { DATABASE_URL: pg.url };
  } else {
    rmSync(dataDir, { recursive: true, force: true });
    env = { DATA_DIR: dataDir };
  }
  const open = (): DB => createDb(engine === "postgresql" ? { databaseUrl: pg!.url } : { dataDir });
  env = { ...env, LOG_LEVEL: "error", SEED_DEMO: "0" };

  // Prepare with the server stopped: PGlite's folder has one owner at a time.
  let db = open();
  await migrateToLatest(db);
  await seedDemo(db);
  const officers = await createOfficers(db, OFFICERS, COURSE, runId);
  await db.destroy();

  const log = new RunLog();
  const faults: string[] = [];
  let faultCount = 0;
  let outage: { from: number; to: number } | null = null;
  const problems: string[] = [];
  let server: RunningServer = await startServer(PORT, env);
  const baseUrl = server.url;

  const officersDone = Promise.allSettled(
    officers.map((o) =>
      simulateOfficer({ baseUrl: () => baseUrl, personId: o.personId, sessionCookie: o.sessionCookie, courseId: COURSE, items, log, faultCount: () => faultCount }),
    ),
  );
  let finished = false;
  void officersDone.then(() => (finished = true));
  const total = officers.length * expectedWrites;
  const waitForAcks = async (share: number) => {
    while (!finished && log.acknowledged.length < total * share) await pause(50);
    return !finished;
  };

  // Fault 1: kill the server in the middle of the load, then start it again on the same data.
  if (await waitForAcks(0.3)) {
    faultCount++;
    const at = log.acknowledged.length;
    const t0 = Date.now();
    await server.kill();
    server = await startServer(PORT, env);
    faults.push(`server SIGKILLed after ${at} acknowledged writes, back in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } else problems.push("the load ended before the server could be killed");

  // Fault 2 (PostgreSQL): stop the database; pages must say 503 calmly; start it; no restart of ours.
  if (pg) {
    if (await waitForAcks(0.6)) {
      faultCount++;
      const at = log.acknowledged.length;
      const pid = server.pid;
      outage = { from: Date.now() - log.startedAt, to: Infinity };
      pg.pause();
      const page = await probe(`${baseUrl}/learn/${COURSE}`, { cookie: officers[0]!.sessionCookie, "accept-language": "es" });
      const html = await page.text();
      if (page.status !== 503) problems.push(`with the database stopped a page answered ${page.status}, not 503`);
      if (!html.includes("no está disponible por un momento")) problems.push("with the database stopped the page did not explain itself in Spanish");
      if (page.headers.get("retry-after") === null) problems.push("the 503 page has no Retry-After");
      const health = await probe(`${baseUrl}/healthz`);
      if (health.status !== 503) problems.push(`/healthz answered ${health.status} with the database stopped`);
      await pause(3_000);
      pg.resume();
      outage.to = Date.now() - log.startedAt + OUTAGE_GRACE_MS;
      const back = Date.now();
      let recovered = false;
      while (Date.now() - back < 20_000) {
        const r = await probe(`${baseUrl}/learn/${COURSE}`, { cookie: officers[0]!.sessionCookie }).catch(() => null);
        if (r?.status === 200) {
          recovered = true;
          break;
        }
        await pause(200);
      }
      if (!recovered) problems.push("pages did not recover within 20 s of PostgreSQL starting again");
      if (server.pid !== pid) problems.push("the server was restarted during the database outage");
      faults.push(`PostgreSQL stopped for 3 s after ${at} acknowledged writes; pages answered 503 and recovered in ${((Date.now() - back) / 1000).toFixed(1)} s without a restart`);
    } else problems.push("the load ended before the database could be stopped");
  }

  for (const result of await officersDone) {
    if (result.status === "rejected") problems.push(String(result.reason instanceof Error ? result.reason.message : result.reason));
  }
  await server.stop();

  db = open();
  const verdict = await verify(
    db,
    officers.map((o) => o.personId),
    log.acknowledged,
  );
  await db.destroy();
  pg?.stop();
  if (engine === "pglite") rmSync(dataDir, { recursive: true, force: true });

  const inOutage = (at: number) => outage !== null && at >= outage.from && at <= outage.to;
  const expected503 = log.serverErrors.filter((e) => e.status === 503 && inOutage(e.at)).length;
  const unexpected5xx = log.serverErrors.length - expected503;
  if (log.attemptsNotResumed.length) problems.push(`${log.attemptsNotResumed.length} quiz attempts did not resume after a fault`);
  return { engine, officers: officers.length, log, verdict, faults, expected503, unexpected5xx, problems, seconds: (Date.now() - started) / 1000 };
}

function print(r: EngineReport): boolean {
  const { log, verdict } = r;
  const answers = log.acknowledged.filter((a) => a.kind === "answer").length;
  const ok = verdict.lost === 0 && verdict.duplicated === 0 && verdict.disagreements.length === 0 && r.unexpected5xx === 0 && r.problems.length === 0;
  const lines = [
    `Reliability — ${r.engine}, ${r.officers} officers, ${r.seconds.toFixed(0)} s: ${ok ? "PASSED" : "FAILED"}`,
    `  requests:             ${log.requests} (${log.gets} GET, ${log.posts} POST; ${log.networkErrors} cut off by faults)`,
    `  acknowledged writes:  ${verdict.acknowledged} (${verdict.acknowledged - answers} lesson completions, ${answers} quiz answers)`,
    `  writes found:         ${verdict.found}`,
    `  lost:                 ${verdict.lost}`,
    `  duplicated:           ${verdict.duplicated}`,
    `  5xx:                  ${r.unexpected5xx} unexpected${r.expected503 ? ` (and ${r.expected503} × 503 while the database was down)` : ""}`,
    `  events vs projections: ${verdict.disagreements.length === 0 ? "agree" : `${verdict.disagreements.length} disagreements`}`,
    `  quiz attempts open across a fault: ${log.attemptsAcrossFaults}, not resumed: ${log.attemptsNotResumed.length}`,
    ...r.faults.map((f) => `  fault: ${f}`),
    ...verdict.disagreements.slice(0, 10).map((d) => `  ✗ ${d}`),
    ...r.problems.slice(0, 10).map((p) => `  ✗ ${p}`),
  ];
  process.stdout.write(lines.join("\n") + "\n\n");
  return ok;
}

if (!existsSync("build/server.js")) execSync("npm run build --silent", { stdio: "inherit" });
const results: { engine: string; passed: boolean; acknowledged: number; found: number; lost: number; duplicated: number; unexpected5xx: number }[] = [];
for (const engine of (args.engines ?? "").split(",").filter(Boolean)) {
  if (engine !== "postgresql" && engine !== "pglite") throw new Error(`unknown engine ${engine}`);
  const report = await runEngine(engine);
  const { acknowledged, found, lost, duplicated } = report.verdict;
  results.push({ engine, passed: print(report), acknowledged, found, lost, duplicated, unexpected5xx: report.unexpected5xx });
}
if (args.report) writeFileSync(args.report, JSON.stringify({ officers: OFFICERS, results }, null, 2));
process.exit(results.every((r) => r.passed) ? 0 : 1);
