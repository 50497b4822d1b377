import type { AppLoadContext } from "@remix-run/node";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Trx } from "../../db/client";
import { loadContent } from "../../app/content/load.server";
import type { Catalog } from "../../app/content/model";
import { completionCourse } from "../../app/content/progress-course";
import { grantsOf } from "../../app/models/access.server";
import type { EnrolmentFilters } from "../../app/models/reports/enrolments.server";
import { teamWork, type TeamWorkRow } from "../../app/models/reports/team-work.server";
import { giveFeedback } from "../../app/models/teams/feedback.server";
import { saveSubmission, submitSubmission } from "../../app/models/teams/submission.server";
import { generateTeams, teamOf } from "../../app/models/teams/teams.server";
import { loader as overviewLoader } from "../../app/routes/coordinate._index";
import { loader as teamWorkDownload } from "../../app/routes/resources.report-team-work";
import { parseCsv } from "../setup/csv";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makeCountry, makePerson } from "../setup/factories";
import { ok } from "../setup/results";
import { openTestDb, type TestDb } from "../setup/test-db";

// The coordinator's view of group work: per cohort, group task and team, the status of the
// team's text, the newest score and when it was handed in and accepted; the same rows in the
// downloads. Scope and filters as in every coordinator report.
const CHILDREN = "unaccompanied-children";
const ROUTE_MAP = "referral-route-map";
const TRAFFICKING = "trafficking-smuggling";
const CHECKPOINT = "checkpoint-protocol";
// A name a spreadsheet would run as a formula if it were written as it is.
const FORMULA_NAME = '=HYPERLINK("https://example.org","Equipo GT")';

let t: TestDb;
let content: Catalog;
let context: AppLoadContext;
const cohorts = { mixed: "", honduras: "" };
const people = { gt1: "", gt2: "", hn1: "", hn2: "", facilitator: "", gtCoordinator: "", hnCoordinator: "", mixedCoordinator: "" };

beforeAll(async () => {
  t = await openTestDb();
  content = loadContent("content/courses").catalog;
  context = testContext(t.db, { content });
  await makeCountry(t.db, "GT");
  await makeCountry(t.db, "HN");
  // A regional cohort with officers of two countries, given both courses with a group task…
  cohorts.mixed = await makeCohort(t.db);
  for (const course of [CHILDREN, TRAFFICKING]) await t.db.insertInto("cohort_courses").values({ cohort_id: cohorts.mixed, course_id: course, due_on: null }).execute();
  people.gt1 = (await makePerson(t.db, { cohortId: cohorts.mixed, countryCode: "GT" })).id;
  people.gt2 = (await makePerson(t.db, { cohortId: cohorts.mixed, countryCode: "GT" })).id;
  people.hn1 = (await makePerson(t.db, { cohortId: cohorts.mixed, countryCode: "HN" })).id;
  people.facilitator = (await makePerson(t.db, { role: "facilitator", cohortId: cohorts.mixed })).id;
  // …and a Honduran cohort, given one of them.
  cohorts.honduras = await makeCohort(t.db);
  await t.db.updateTable("cohorts").set({ country_code: "HN" }).where("id", "=", cohorts.honduras).execute();
  await t.db.insertInto("cohort_courses").values({ cohort_id: cohorts.honduras, course_id: CHILDREN, due_on: null }).execute();
  people.hn2 = (await makePerson(t.db, { cohortId: cohorts.honduras, countryCode: "HN" })).id;

  const names: Record<string, string> = { GT: FORMULA_NAME, HN: "Equipo Honduras" };
  for (const cohortId of Object.values(cohorts)) ok(await tx((trx) => generateTeams(trx, cohortId, "country", (key) => names[key ?? ""] ?? "Otro", people.facilitator)));

  people.gtCoordinator = (await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "GT" } })).id;
  people.hnCoordinator = (await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "HN" } })).id;
  people.mixedCoordinator = (await makePerson(t.db, { role: "coordinator", scope: { kind: "cohort", id: cohorts.mixed } })).id;

  // The Guatemalan team hands in the route map, has it returned with a low score, hands it in again and has it accepted.
  const gt = { teamId: (await teamOf(t.db, cohorts.mixed, people.gt1))!.id, courseId: CHILDREN, itemId: ROUTE_MAP };
  ok(await tx((trx) => saveSubmission(trx, gt, people.gt1, "## Primer contacto\n\nLlamamos a la Procuraduría.", 0)));
  ok(await tx((trx) => submitSubmission(trx, gt, people.gt2, 1)));
  await assess(gt.teamId, "returned", "lowest");
  ok(await tx((trx) => saveSubmission(trx, gt, people.gt2, "## Primer contacto\n\nLlamamos a la Procuraduría de la Niñez.", 1)));
  ok(await tx((trx) => submitSubmission(trx, gt, people.gt1, 2)));
  await assess(gt.teamId, "accepted", "highest");
  // The Honduran team of the mixed cohort has a draft of the checkpoint protocol.
  const hn = { teamId: (await teamOf(t.db, cohorts.mixed, people.hn1))!.id, courseId: TRAFFICKING, itemId: CHECKPOINT };
  ok(await tx((trx) => saveSubmission(trx, hn, people.hn1, "## Antes del control\n\nRevisamos los documentos.", 0)));
});
afterAll(async () => t.close());

const tx = <T>(run: (trx: Trx) => Promise<T>) => t.db.transaction().execute(run);

/** The facilitator's feedback on the team's handed-in route map, every criterion at its lowest or highest level. */
async function assess(teamId: string, decision: "accepted" | "returned", level: "lowest" | "highest") {
  const course = content.courses.get(CHILDREN)!;
  const rubric = course.groupTasks.get(ROUTE_MAP)!.rubric;
  const submission = await t.db.selectFrom("team_submissions").select(["id", "version"]).where("team_id", "=", teamId).where("item_id", "=", ROUTE_MAP).executeTakeFirstOrThrow();
  const pickLevel = (scores: number[]) => (level === "lowest" ? Math.min(...scores) : Math.max(...scores));
  const scores = Object.fromEntries(rubric.map((c) => [c.id, String(pickLevel(c.levels.map((l) => l.score)))]));
  const item = { id: ROUTE_MAP, kind: "group-task" };
  const { cohort_id: cohortId } = await t.db.selectFrom("teams").select("cohort_id").where("id", "=", teamId).executeTakeFirstOrThrow();
  ok(await tx((trx) => giveFeedback(trx, { course: completionCourse(course), item, rubric, peerReview: true, cohortId }, { submissionId: submission.id, version: submission.version, scores, body: "Falta el paso de la entrega a la familia.", decision, by: people.facilitator })));
}

const NO_FILTERS: EnrolmentFilters = { cohort: null, course: null, country: null, institution: null };
const rowsFor = async (personId: string, filters = NO_FILTERS) => teamWork(t.db, content, await grantsOf(t.db, personId), filters);
const ofCohort = (rows: TeamWorkRow[], cohortId: string) => rows.filter((r) => r.cohortId === cohortId);
const download = async (personId: string, search: string) => outcome(async () => teamWorkDownload({ request: await signedInRequest(t.db, personId, `/resources/report-team-work?${search}`), context, params: {} }));

/** The same figures read straight from the tables: members, status, newest score and times of each team's text. */
async function directFigures(cohortId: string) {
  const rows = await t.db
    .selectFrom("teams")
    .innerJoin("cohort_courses", "cohort_courses.cohort_id", "teams.cohort_id")
    .leftJoin("team_submissions", (join) => join.onRef("team_submissions.team_id", "=", "teams.id").onRef("team_submissions.course_id", "=", "cohort_courses.course_id"))
    .select((eb) => [
      "teams.id as teamId",
      "cohort_courses.course_id as courseId",
      eb.selectFrom("team_members").select(eb.fn.countAll<string>().as("n")).whereRef("team_members.team_id", "=", "teams.id").as("members"),
      "team_submissions.status",
      "team_submissions.submitted_at",
      "team_submissions.accepted_at",
      eb.selectFrom("team_feedback").select("team_feedback.total").whereRef("team_feedback.submission_id", "=", "team_submissions.id").orderBy("submission_version", "desc").limit(1).as("total"),
    ])
    .where("teams.cohort_id", "=", cohortId)
    .execute();
  return rows.map((r) => ({ teamId: r.teamId, courseId: r.courseId, members: Number(r.members), status: r.status ?? "none", total: r.total ?? null, submittedAt: r.submitted_at, acceptedAt: r.accepted_at }));
}

describe(`group work in the coordinator's reports (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("has a row per team and group task with the figures a direct SQL count finds", async () => {
    const rows = ofCohort(await rowsFor(people.mixedCoordinator), cohorts.mixed);
    // Two teams × the two courses' group tasks (each course has one).
    expect(rows.map((r) => `${r.teamName} ${r.itemId}`).sort()).toEqual([`${FORMULA_NAME} ${CHECKPOINT}`, `${FORMULA_NAME} ${ROUTE_MAP}`, `Equipo Honduras ${CHECKPOINT}`, `Equipo Honduras ${ROUTE_MAP}`].sort());
    const direct = await directFigures(cohorts.mixed);
    expect(direct).toHaveLength(4);
    for (const d of direct) {
      const row = rows.find((r) => r.teamId === d.teamId && r.courseId === d.courseId)!;
      expect({ members: row.members, status: row.status, total: row.score?.total ?? null, submittedAt: row.submittedAt, acceptedAt: row.acceptedAt }).toEqual({
        members: d.members,
        status: d.status,
        total: d.total,
        submittedAt: d.submittedAt,
        acceptedAt: d.acceptedAt,
      });
    }
    // The newest feedback counts (the accepted one, not the returned one before it).
    const rubric = content.courses.get(CHILDREN)!.groupTasks.get(ROUTE_MAP)!.rubric;
    const highest = rubric.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.score)), 0);
    const find = (team: string, itemId: string) => rows.find((r) => r.teamName === team && r.itemId === itemId)!;
    expect(find(FORMULA_NAME, ROUTE_MAP)).toMatchObject({ members: 2, status: "accepted", score: { total: highest, max: highest } });
    expect(find(FORMULA_NAME, ROUTE_MAP).submittedAt).not.toBeNull();
    expect(find(FORMULA_NAME, ROUTE_MAP).acceptedAt).not.toBeNull();
    expect(find("Equipo Honduras", CHECKPOINT)).toMatchObject({ members: 1, status: "draft", score: null, submittedAt: null, acceptedAt: null });
    expect(find("Equipo Honduras", ROUTE_MAP)).toMatchObject({ status: "none", score: null });
    expect(find(FORMULA_NAME, CHECKPOINT)).toMatchObject({ status: "none", score: null });
  });

  it("shows a country's coordinator only the teams of their country's officers, and applies the filters", async () => {
    const gt = await rowsFor(people.gtCoordinator);
    expect(new Set(gt.map((r) => r.teamName))).toEqual(new Set([FORMULA_NAME]));
    expect(gt.every((r) => r.cohortId === cohorts.mixed)).toBe(true);
    const hn = await rowsFor(people.hnCoordinator);
    expect(new Set(hn.map((r) => r.cohortId))).toEqual(new Set([cohorts.mixed, cohorts.honduras]));
    expect(hn.map((r) => r.teamName)).not.toContain(FORMULA_NAME);
    // The overview's filters narrow the rows the same way.
    const byCourse = await rowsFor(people.mixedCoordinator, { ...NO_FILTERS, course: TRAFFICKING });
    expect(byCourse.map((r) => r.itemId)).toEqual([CHECKPOINT, CHECKPOINT]);
    const byCountry = await rowsFor(people.mixedCoordinator, { ...NO_FILTERS, country: "HN" });
    expect(new Set(byCountry.map((r) => r.teamName))).toEqual(new Set(["Equipo Honduras"]));
  });

  it("puts the table on the overview, within the coordinator's scope", async () => {
    const page = await outcome(async () => overviewLoader({ request: await signedInRequest(t.db, people.gtCoordinator, "/coordinate"), context, params: {} }));
    const { teamWork: lines } = (await page.json()) as { teamWork: { teamName: string; taskTitle: string; courseTitle: string }[] };
    expect(lines.map((l) => l.teamName)).toEqual([FORMULA_NAME, FORMULA_NAME]);
    expect(lines[0]!.taskTitle).not.toBe(ROUTE_MAP);
    // A filter outside the scope is refused, not answered with someone else's teams.
    expect((await outcome(async () => overviewLoader({ request: await signedInRequest(t.db, people.gtCoordinator, `/coordinate?cohort=${cohorts.honduras}`), context, params: {} }))).status).toBe(404);
  });

  it("downloads the rows as CSV, with translated headers and a formula-looking team name made inert", async () => {
    const csv = await download(people.mixedCoordinator, `cohort=${cohorts.mixed}&format=csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const [header, ...lines] = parseCsv((await csv.text()).replace(/^\uFEFF/, ""));
    expect(header).toEqual(["Grupo", "Curso", "Actividad en grupo", "Equipo", "Miembros", "Estado", "Puntuación", "Puntuación máxima", "Entregado (UTC)", "Aceptado (UTC)"]);
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l[5]).sort()).toEqual(["Aceptado", "Borrador", "Sin empezar", "Sin empezar"]);
    const accepted = lines.find((l) => l[5] === "Aceptado")!;
    expect(accepted[3]).toBe(`'${FORMULA_NAME}`);
    expect(accepted[4]).toBe("2");
    expect(Number(accepted[6])).toBeGreaterThan(0);
    expect(accepted[6]).toBe(accepted[7]);
    expect(accepted[8]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(accepted[9]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    const draft = lines.find((l) => l[5] === "Borrador")!;
    expect(draft.slice(3, 5)).toEqual(["Equipo Honduras", "1"]);
    expect(draft.slice(6)).toEqual(["", "", "", ""]);

    // In the reader's language.
    await t.db.updateTable("people").set({ locale: "en" }).where("id", "=", people.mixedCoordinator).execute();
    const english = parseCsv((await (await download(people.mixedCoordinator, "format=csv")).text()).replace(/^\uFEFF/, ""));
    await t.db.updateTable("people").set({ locale: "es" }).where("id", "=", people.mixedCoordinator).execute();
    expect(english[0]).toEqual(["Cohort", "Course", "Group task", "Team", "Members", "Status", "Score", "Maximum score", "Handed in (UTC)", "Accepted (UTC)"]);
    expect(english.slice(1).map((l) => l[5])).toContain("Accepted");
  });

  it("downloads the rows as XLSX, the formula-looking name kept as text", async () => {
    const xlsx = await download(people.gtCoordinator, "format=xlsx");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.headers.get("content-disposition")).toMatch(/sendero-trabajos-en-equipo-\d{4}-\d{2}-\d{2}\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Trabajos en equipo");
    expect(sheet.rowCount).toBe(3);
    const cell = sheet.getRow(2).getCell(4);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(FORMULA_NAME);
    expect(sheet.getRow(2).getCell(5).value).toBe(2);
  });

  it("refuses a format it does not make", async () => {
    expect((await download(people.gtCoordinator, "format=pdf")).status).toBe(400);
  });
});
