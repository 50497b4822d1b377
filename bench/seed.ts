// `npm run bench:seed -- [--size tiny|small|default|large|<officers>] [--engine both|postgresql|pglite]`
// Builds the benchmark data set (fixed seed) into bench/.data/ (or into DATABASE_URL when set).
// See bench/README.md.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { loadContent } from "../app/content/load.server";
import { hashPassword } from "../app/models/password.server";
import { createDb, type DB } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { insertRows } from "./lib/bulk-insert";
import { BENCH_PASSWORD, DATA_ROOT, MANIFEST, PG_FOLDER, PGLITE_FOLDER, startBenchPostgres, type Manifest } from "./lib/data-folder";
import { Random } from "./lib/prng";
import { emptyRows, simulateCourse, type Rows } from "./seed/history";
import { deriveQuizResults } from "./seed/quiz-results";
import { cohorts as makeCohorts, COUNTRIES, institutions as makeInstitutions, officerEmail, officerName } from "./seed/organisation";

const SEED = 20261123;
const SIZES: Record<string, number> = { tiny: 40, small: 500, default: 10_000, large: 50_000 };
const BENCH_COURSE = "vulnerability-referral";
const OFFICERS_PER_FLUSH = 250;

const { values: args } = parseArgs({
  options: { size: { type: "string", default: "default" }, engine: { type: "string", default: "both" } },
});
const officers = SIZES[args.size!] ?? Number(args.size);
if (!Number.isInteger(officers) || officers < 10) throw new Error(`--size: one of ${Object.keys(SIZES).join(", ")} or a number ≥ 10`);
const engines = process.env.DATABASE_URL ? ["postgresql" as const] : args.engine === "both" ? (["postgresql", "pglite"] as const) : [args.engine as "postgresql" | "pglite"];
if (engines.some((e) => e !== "postgresql" && e !== "pglite")) throw new Error("--engine: both, postgresql or pglite");

const started = Date.now();
const { catalog, problems } = loadContent("content/courses");
if (problems.some((p) => p.severity === "error")) throw new Error("content/ has errors: run npm run content:check");
const course = catalog.courses.get(BENCH_COURSE);
if (!course) throw new Error(`the bench course ${BENCH_COURSE} is missing from content/`);
const lesson = [...course.items.values()].find((i) => i.kind === "lesson")!.id;
const quiz = [...course.items.values()].find((i) => i.kind === "quiz")!.id;

// The databases: a fresh PGlite folder and/or a fresh PostgreSQL cluster in bench/.data,
// or the given DATABASE_URL (which must hold no bench data yet).
const targets: { name: string; db: DB; stop: () => Promise<void> }[] = [];
if (process.env.DATABASE_URL) {
  const db = createDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
  targets.push({ name: "DATABASE_URL", db, stop: () => db.destroy() });
} else {
  mkdirSync(DATA_ROOT, { recursive: true });
  rmSync(MANIFEST, { force: true });
  if (engines.includes("postgresql")) {
    rmSync(PG_FOLDER, { recursive: true, force: true });
    const pg = await startBenchPostgres();
    const db = createDb({ databaseUrl: pg.url, poolSize: 2 });
    targets.push({ name: "postgresql", db, stop: async () => (await db.destroy(), pg.stop()) });
  }
  if (engines.includes("pglite")) {
    rmSync(PGLITE_FOLDER, { recursive: true, force: true });
    const db = createDb({ dataDir: PGLITE_FOLDER });
    targets.push({ name: "pglite", db, stop: () => db.destroy() });
  }
}

const each = async (work: (db: DB) => Promise<void>) => {
  for (const t of targets) await work(t.db);
};
const counts: Record<string, number> = { people: 0, learning_events: 0, item_progress: 0, course_progress: 0, quiz_states: 0, quiz_results: 0, scenario_states: 0 };

try {
  for (const t of targets) {
    await migrateToLatest(t.db);
    const existing = await t.db.selectFrom("people").select("id").where("email", "like", "%@bench.sendero.test").limit(1).execute();
    if (existing.length) throw new Error(`${t.name} already holds bench data: seed an empty database`);
  }
  const random = new Random(SEED);
  const hash = await hashPassword(BENCH_PASSWORD);

  // Organisation: countries, institutions, cohorts and their courses.
  const institutionCount = Math.min(40, Math.max(COUNTRIES.length, Math.round(officers / 250)));
  const cohortCount = Math.min(50, Math.max(2, Math.round(officers / 200)));
  const institutions = makeInstitutions(random, institutionCount);
  const otherCourses = [...catalog.courses.keys()].filter((id) => id !== BENCH_COURSE);
  const cohorts = makeCohorts(random, cohortCount, BENCH_COURSE, otherCourses);
  await each(async (db) => {
    await db.insertInto("countries").values(COUNTRIES.map((code) => ({ code }))).onConflict((oc) => oc.doNothing()).execute();
    await insertRows(db, "institutions", [["id", "uuid"], ["country_code", "text"], ["name", "text"], ["short_name", "text"]], institutions.map((i) => [i.id, i.countryCode, i.name, i.shortName]));
    await insertRows(db, "cohorts", [["id", "uuid"], ["name", "text"], ["starts_on", "date"], ["ends_on", "date"]], cohorts.map((c) => [c.id, c.name, c.startsOn, c.endsOn]));
    await insertRows(db, "cohort_courses", [["cohort_id", "uuid"], ["course_id", "text"], ["due_on", "date"]], cohorts.flatMap((c) => c.courses.map((id) => [c.id, id, c.endsOn])));
  });

  // Staff: a global admin, a global coordinator (reads all officers) and a facilitator per cohort.
  const staff = [
    { id: random.uuid(), email: "admin@bench.sendero.test", name: "Bench Admin", role: "admin", cohort: null as string | null },
    { id: random.uuid(), email: "coordinator@bench.sendero.test", name: "Bench Coordinator", role: "coordinator", cohort: null as string | null },
    ...cohorts.map((c, i) => ({ id: random.uuid(), email: `facilitator${String(i + 1).padStart(2, "0")}@bench.sendero.test`, name: `Facilitador ${i + 1}`, role: "facilitator", cohort: c.id as string | null })),
  ];
  await each(async (db) => {
    await insertRows(db, "people", [["id", "uuid"], ["email", "text"], ["display_name", "text"], ["locale", "text"]], staff.map((s) => [s.id, s.email, s.name, "es"]));
    await insertRows(db, "credentials", [["person_id", "uuid"], ["password_hash", "text"]], staff.map((s) => [s.id, hash]));
    await insertRows(db, "role_grants", [["person_id", "uuid"], ["role", "text"], ["scope_kind", "text"], ["cohort_id", "uuid"]], staff.map((s) => [s.id, s.role, s.cohort ? "cohort" : "global", s.cohort]));
    await insertRows(db, "cohort_members", [["cohort_id", "uuid"], ["person_id", "uuid"], ["role", "text"]], staff.filter((s) => s.cohort).map((s) => [s.cohort, s.id, s.role]));
  });
  counts.people! += staff.length;

  const quizAccounts: string[] = [];
  const pageAccounts: string[] = [];
  for (let first = 1; first <= officers; first += OFFICERS_PER_FLUSH) {
    const people: unknown[][] = [];
    const members: unknown[][] = [];
    const grants: unknown[][] = [];
    const rows: Rows = emptyRows();
    for (let n = first; n < first + OFFICERS_PER_FLUSH && n <= officers; n++) {
      const id = random.uuid();
      const email = officerEmail(n);
      const home = cohorts[random.int(0, cohorts.length - 1)]!;
      const mine = random.chance(0.1) ? [home, random.pick(cohorts)].filter((c, i, all) => all.indexOf(c) === i) : [home];
      const country = COUNTRIES[cohorts.indexOf(home) % COUNTRIES.length]!;
      const institution = random.pick(institutions.filter((i) => i.countryCode === country));
      people.push([id, email, officerName(random), random.chance(0.8) ? "es" : "en", country, institution.id]);
      for (const c of mine) {
        // An enrolment (a row of the coordinator's list and export) is one member × one course of the cohort.
        counts.enrolments = (counts.enrolments ?? 0) + c.courses.length;
        members.push([c.id, id, "officer"]);
        grants.push([id, "officer", "cohort", c.id]);
      }
      // One officer in ten has not begun the bench course: they answer quizzes in the load run.
      const fresh = n % 10 === 0;
      if (fresh && quizAccounts.length < 1000) quizAccounts.push(email);
      else if (!fresh && pageAccounts.length < 1000) pageAccounts.push(email);
      const skill = 0.55 + random.next() * 0.4;
      for (const courseId of new Set(mine.flatMap((c) => c.courses))) {
        const roll = random.next();
        const reach = fresh && courseId === BENCH_COURSE ? 0 : roll < 0.35 ? 0 : roll < 0.45 ? 1 : 0.05 + random.next() * 0.7;
        const startMs = Date.parse(`${home.startsOn}T08:00:00Z`) + random.int(0, 30) * 86_400_000;
        simulateCourse(random, rows, id, catalog.courses.get(courseId)!, startMs, reach, skill);
      }
    }
    await each(async (db) => {
      await insertRows(db, "people", [["id", "uuid"], ["email", "text"], ["display_name", "text"], ["locale", "text"], ["country_code", "text"], ["institution_id", "uuid"]], people);
      await insertRows(db, "credentials", [["person_id", "uuid"], ["password_hash", "text"]], people.map((p) => [p[0], hash]));
      await insertRows(db, "cohort_members", [["cohort_id", "uuid"], ["person_id", "uuid"], ["role", "text"]], members);
      await insertRows(db, "role_grants", [["person_id", "uuid"], ["role", "text"], ["scope_kind", "text"], ["cohort_id", "uuid"]], grants);
      await insertRows(
        db,
        "learning_events",
        [["actor_id", "uuid"], ["verb", "text"], ["object_type", "text"], ["object_id", "text"], ["result", "jsonb"], ["context", "jsonb"], ["timestamp", "timestamptz"], ["stored_at", "timestamptz"]],
        rows.events.map((e) => [e.actorId, e.verb, e.object.type, e.object.id, e.result ? JSON.stringify(e.result) : null, e.context ? JSON.stringify(e.context) : null, e.timestamp, e.timestamp]),
      );
      await insertRows(
        db,
        "item_progress",
        [["person_id", "uuid"], ["course_id", "text"], ["item_id", "text"], ["first_viewed_at", "timestamptz"], ["last_viewed_at", "timestamptz"], ["completed_at", "timestamptz"], ["seconds_spent", "int4"]],
        rows.items.map((r) => [r.person_id, r.course_id, r.item_id, r.first_viewed_at, r.last_viewed_at, r.completed_at, r.seconds_spent]),
      );
      await insertRows(
        db,
        "course_progress",
        [["person_id", "uuid"], ["course_id", "text"], ["started_at", "timestamptz"], ["last_activity_at", "timestamptz"], ["last_item_id", "text"], ["completed_at", "timestamptz"]],
        rows.courses.map((r) => [r.person_id, r.course_id, r.started_at, r.last_activity_at, r.last_item_id, r.completed_at]),
      );
      await insertRows(
        db,
        "quiz_states",
        [["person_id", "uuid"], ["course_id", "text"], ["quiz_id", "text"], ["machine_version", "int4"], ["snapshot", "jsonb"], ["version", "int4"], ["updated_at", "timestamptz"]],
        rows.quizzes.map((r) => [r.person_id, r.course_id, r.quiz_id, r.machine_version, r.snapshot, r.version, r.updated_at]),
      );
      await insertRows(
        db,
        "scenario_states",
        [["person_id", "uuid"], ["course_id", "text"], ["scenario_id", "text"], ["state", "jsonb"], ["version", "int4"], ["updated_at", "timestamptz"]],
        rows.scenarios.map((r) => [r.person_id, r.course_id, r.scenario_id, r.state, r.version, r.updated_at]),
      );
    });
    counts.people! += people.length;
    counts.learning_events! += rows.events.length;
    counts.item_progress! += rows.items.length;
    counts.course_progress! += rows.courses.length;
    counts.quiz_states! += rows.quizzes.length;
    counts.scenario_states! += rows.scenarios.length;
    const done = Math.min(officers, first + OFFICERS_PER_FLUSH - 1);
    process.stdout.write(`\r${done}/${officers} officers · ${counts.learning_events!.toLocaleString("en")} learning events · ${Math.round((Date.now() - started) / 1000)} s   `);
  }
  // A regional dialogue space open to every cohort, with one long thread (the dialogue target).
  const space = random.uuid();
  const thread = random.uuid();
  const authors = pageAccounts.slice(0, 40);
  const authorIds = new Map<string, string>();
  await each(async (db) => {
    for (const row of await db.selectFrom("people").select(["id", "email"]).where("email", "in", authors).execute()) authorIds.set(row.email, row.id);
    await insertRows(db, "dialogue_spaces", [["id", "uuid"], ["kind", "text"], ["title", "text"]], [[space, "regional", "Diálogo regional"]]);
    await insertRows(db, "dialogue_space_cohorts", [["space_id", "uuid"], ["cohort_id", "uuid"]], cohorts.map((c) => [space, c.id]));
    await insertRows(db, "dialogue_threads", [["id", "uuid"], ["space_id", "uuid"], ["author_id", "uuid"], ["title", "text"]], [[thread, space, authorIds.get(authors[0]!)!, "¿Cómo refieren a niñas y niños no acompañados en su país?"]]);
    const posts = Array.from({ length: 60 }, (_, i) => {
      const text = `Mensaje ${i + 1}: en nuestro punto de revisión avisamos primero a la Procuraduría y esperamos a que llegue el personal de protección antes de cualquier trámite.`;
      return [random.uuid(), thread, authorIds.get(authors[i % authors.length]!)!, i === 0, text, `<p>${text}</p>`, "published"];
    });
    await insertRows(db, "dialogue_posts", [["id", "uuid"], ["thread_id", "uuid"], ["author_id", "uuid"], ["opens_thread", "bool"], ["body_source", "text"], ["body_html", "text"], ["state", "text"]], posts);
  });
  counts.dialogue_posts = 60;

  process.stdout.write("\nDeriving quiz results…\n");
  await each(async (db) => {
    counts.quiz_results = await deriveQuizResults(db);
  });

  process.stdout.write("Analysing tables…\n");
  await each(async (db) => {
    await sql`analyze`.execute(db);
  });

  const manifest: Manifest = {
    seed: SEED,
    size: args.size!,
    officers,
    engines: targets.map((t) => (t.name === "pglite" ? "pglite" : "postgresql")),
    counts,
    seconds: Math.round((Date.now() - started) / 1000),
    course: BENCH_COURSE,
    lesson,
    quiz,
    quizAccounts,
    pageAccounts,
    coordinator: "coordinator@bench.sendero.test",
    admin: "admin@bench.sendero.test",
    dialogueThread: `/dialogue/${space}/${thread}`,
  };
  if (!process.env.DATABASE_URL) writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`Seeded ${targets.map((t) => t.name).join(" and ")} in ${manifest.seconds} s:`, counts);
  console.log(`Accounts: officer00001…officer${String(officers).padStart(5, "0")}@bench.sendero.test, coordinator@, admin@, facilitatorNN@bench.sendero.test — password "${BENCH_PASSWORD}"`);
} finally {
  for (const t of targets) await t.stop();
}
