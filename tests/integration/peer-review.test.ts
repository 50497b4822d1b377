import type { AppLoadContext } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Trx } from "../../db/client";
import { loadContent } from "../../app/content/load.server";
import type { Catalog, Course } from "../../app/content/model";
import { completionCourse } from "../../app/content/progress-course";
import { giveFeedback } from "../../app/models/teams/feedback.server";
import { openReviewRound, writeReview } from "../../app/models/teams/peer-review.server";
import { saveSubmission, submitSubmission } from "../../app/models/teams/submission.server";
import { teamOf } from "../../app/models/teams/teams.server";
import { action as itemAction, loader as itemLoader } from "../../app/routes/learn.$courseId.$itemId/route";
import { action as teamsAction } from "../../app/routes/facilitate.teams.$cohortId";
import { action as teamWorkAction, loader as teamWorkLoader } from "../../app/routes/facilitate.teams.$cohortId_.$courseId.$itemId";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makeCountry, makePerson } from "../setup/factories";
import { ok } from "../setup/results";
import { openTestDb, type TestDb } from "../setup/test-db";

// Peer review of a group task, with the shipped route-map task (two reviews per team): the
// facilitator hands the reviews out among the teams that handed in, nobody reviews their own work,
// a team reads the reviews of its work only once the window has closed, and the item completes
// when the work is accepted and the team has written its own reviews.
const COURSE = "unaccompanied-children";
const ITEM = "referral-route-map";
const SCORES = { "score.notification-order": "3", "score.handover": "2", "score.never-done": "3", "score.gaps-and-proposals": "1" };

let t: TestDb;
let context: AppLoadContext;
let cohortId = "";
const people = { gt1: "", gt2: "", hn: "", sv: "", cr: "", facilitator: "", outsider: "" };
beforeAll(async () => {
  t = await openTestDb();
  context = testContext(t.db, { content: openItem(loadContent("content/courses").catalog) });
  for (const code of ["GT", "HN", "SV", "CR"]) await makeCountry(t.db, code);
  cohortId = await makeCohort(t.db);
  await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: null }).execute();
  people.gt1 = (await makePerson(t.db, { cohortId, countryCode: "GT", name: "Ana GT" })).id;
  people.gt2 = (await makePerson(t.db, { cohortId, countryCode: "GT", name: "Beto GT" })).id;
  people.hn = (await makePerson(t.db, { cohortId, countryCode: "HN", name: "Carla HN" })).id;
  people.sv = (await makePerson(t.db, { cohortId, countryCode: "SV", name: "Dora SV" })).id;
  people.cr = (await makePerson(t.db, { cohortId, countryCode: "CR", name: "Eva CR" })).id;
  people.facilitator = (await makePerson(t.db, { role: "facilitator", cohortId })).id;
  people.outsider = (await makePerson(t.db, { role: "facilitator", cohortId: await makeCohort(t.db) })).id;
  const made = await outcome(async () => teamsAction({ request: await signedInRequest(t.db, people.facilitator, `/facilitate/teams/${cohortId}`, { method: "POST", body: new URLSearchParams({ intent: "generate", by: "country" }) }), context, params: { cohortId } }));
  expect(made.status).toBe(302);
});
afterAll(async () => t.close());

/** The real course (peer review on) with the task in an open first module. */
function openItem(catalog: Catalog): Catalog {
  const base = catalog.courses.get(COURSE)!;
  const item = { ...base.items.get(ITEM)!, moduleId: "only", requires: [] };
  const course: Course = { ...base, modules: [{ id: "only", title: { es: "Único" }, requires: [], items: [item] }], items: new Map([[ITEM, item]]) };
  return { courses: new Map([[COURSE, course]]) };
}

const tx = <T>(run: (trx: Trx) => Promise<T>) => t.db.transaction().execute(run);
const taskUrl = () => `/facilitate/teams/${cohortId}/${COURSE}/${ITEM}`;
const facilitate = async (personId: string, fields: Record<string, string>) =>
  outcome(async () => teamWorkAction({ request: await signedInRequest(t.db, personId, taskUrl(), { method: "POST", body: new URLSearchParams(fields) }), context, params: { cohortId, courseId: COURSE, itemId: ITEM } }));
const board = async () => (await (await outcome(async () => teamWorkLoader({ request: await signedInRequest(t.db, people.facilitator, taskUrl()), context, params: { cohortId, courseId: COURSE, itemId: ITEM } }))).json());
const page = async (personId: string) => (await (await outcome(async () => itemLoader({ request: await signedInRequest(t.db, personId, `/learn/${COURSE}/${ITEM}`), context, params: { courseId: COURSE, itemId: ITEM } }))).json())["group-task"];
const post = async (personId: string, fields: Record<string, string>) =>
  outcome(async () => itemAction({ request: await signedInRequest(t.db, personId, `/learn/${COURSE}/${ITEM}`, { method: "POST", body: new URLSearchParams(fields) }), context, params: { courseId: COURSE, itemId: ITEM } }));
const completedBy = async (personId: string) =>
  (await t.db.selectFrom("item_progress").select("completed_at").where("person_id", "=", personId).where("course_id", "=", COURSE).where("item_id", "=", ITEM).executeTakeFirst())?.completed_at ?? null;

/** The person's team writes a text and hands it in. */
async function handIn(personId: string, text: string) {
  const ref = { teamId: (await teamOf(t.db, cohortId, personId))!.id, courseId: COURSE, itemId: ITEM };
  ok(await tx((trx) => saveSubmission(trx, ref, personId, text, 0)));
  ok(await tx((trx) => submitSubmission(trx, ref, personId, 1)));
}
async function accept(personId: string) {
  const teamId = (await teamOf(t.db, cohortId, personId))!.id;
  const submission = await t.db.selectFrom("team_submissions").select(["id", "version"]).where("team_id", "=", teamId).where("item_id", "=", ITEM).executeTakeFirstOrThrow();
  return facilitate(people.facilitator, { submission: submission.id, version: String(submission.version), intent: "accepted", body: "Ruta clara y completa.", ...SCORES });
}
type ToWrite = { assignmentId: string; reviewedTeam: string; html: string; review: unknown };

describe(`peer review of group tasks (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("reviews are handed out only once a team has handed in; before that the teams are told what will happen", async () => {
    expect((await page(people.gt1)).peerReview).toMatchObject({ round: null, toWrite: [] });
    const early = await facilitate(people.facilitator, { intent: "openReviews" });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: "facilitate.teamWork.peerReview.errors.nothingHandedIn" });
    expect((await board()).peerReview).toMatchObject({ reviewsPerTeam: 2, round: null });
  });

  it("accepted work waits for the team's reviews; the reviews go round the handed-in teams, never to their own work", async () => {
    await handIn(people.gt1, "## Primer contacto\n\nRuta de Guatemala: la Procuraduría de la Niñez primero.");
    await handIn(people.hn, "## Primer contacto\n\nRuta de Honduras: la DINAF primero.");
    await handIn(people.sv, "## Primer contacto\n\nRuta de El Salvador: el CONAPINA primero.");
    const accepted = await accept(people.gt1);
    expect(accepted.headers.get("location")).toContain("done=awaiting&completed=0");
    expect(await completedBy(people.gt1)).toBeNull();
    expect((await page(people.gt1)).submission).toMatchObject({ status: "accepted", workDone: false });

    const opened = await facilitate(people.facilitator, { intent: "openReviews" });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toContain("reviews=opened");
    expect((await facilitate(people.facilitator, { intent: "openReviews" })).status).toBe(409);
    const { reviews } = (await board()).peerReview;
    // Three teams, two reviews each: each reviews the two others.
    expect(reviews).toHaveLength(6);
    for (const r of reviews) expect(r.reviewerTeam).not.toBe(r.reviewedTeam);
    const gtPage = await page(people.gt1);
    expect(gtPage.peerReview.toWrite.map((w: ToWrite) => w.reviewedTeam)).toEqual(["Equipo El Salvador", "Equipo Honduras"]);
    expect(gtPage.peerReview.toWrite[1].html).toContain("DINAF");
    expect(gtPage.peerReview.received).toEqual({ expected: 2, written: 0, reviews: null });
  });

  it("a team hands in late: it reviews nothing, and acceptance alone completes its members' items", async () => {
    await handIn(people.cr, "## Primer contacto\n\nRuta de Costa Rica: el PANI primero.");
    const crPage = await page(people.cr);
    expect(crPage.peerReview.toWrite).toEqual([]);
    // Other teams' texts reach a team only through its own reviews.
    expect(JSON.stringify(crPage)).not.toContain("DINAF");
    expect((await accept(people.cr)).headers.get("location")).toContain("done=accepted&completed=1");
    expect(await completedBy(people.cr)).not.toBeNull();
  });

  it("a team writes its reviews: refused forms keep what was typed, another team's review cannot be written, and the last one completes every member", async () => {
    const toWrite: ToWrite[] = (await page(people.gt2)).peerReview.toWrite;
    const [first, second] = toWrite;
    // Honduras cannot write Guatemala's review by crafting the form.
    const crafted = await post(people.hn, { intent: "review", assignment: first!.assignmentId, review: "Intruso" });
    expect(crafted.status).toBe(409);
    expect(await crafted.json()).toMatchObject({ error: "groupTask.peerReview.errors.notYours" });
    const personal = await post(people.gt2, { intent: "review", assignment: first!.assignmentId, review: "Escríbanle a jefa@ejemplo.org" });
    expect(personal.status).toBe(400);
    expect(await personal.json()).toMatchObject({ error: "groupTask.peerReview.errors.personalData", values: { review: "Escríbanle a jefa@ejemplo.org", assignment: first!.assignmentId } });
    expect((await post(people.gt2, { intent: "review", assignment: first!.assignmentId, review: "Falta qué se hace de noche." })).status).toBe(302);
    expect(await completedBy(people.gt1)).toBeNull();
    expect((await post(people.gt1, { intent: "review", assignment: first!.assignmentId, review: "Otra vez." })).status).toBe(409);
    expect((await post(people.gt1, { intent: "review", assignment: second!.assignmentId, review: "Nos llevamos su aviso nocturno." })).status).toBe(302);
    // The work was accepted and both reviews are written: both members' items complete.
    expect(await completedBy(people.gt1)).not.toBeNull();
    expect(await completedBy(people.gt2)).not.toBeNull();
    const events = await t.db.selectFrom("learning_events").select("actor_id").where("verb", "=", "reviewed").where("object_id", "=", `${COURSE}/${ITEM}`).execute();
    expect(events.map((e) => e.actor_id).sort()).toEqual([people.gt1, people.gt2].sort());
  });

  it("the reviewed team reads its reviews only after the window closes; a facilitator of another cohort cannot close it", async () => {
    const hnToWrite: ToWrite[] = (await page(people.hn)).peerReview.toWrite;
    const ofGuatemala = hnToWrite.find((w) => w.reviewedTeam === "Equipo Guatemala")!;
    expect((await post(people.hn, { intent: "review", assignment: ofGuatemala.assignmentId, review: "Muy clara la cadena de avisos." })).status).toBe(302);
    const before = await page(people.gt1);
    expect(before.peerReview.received).toEqual({ expected: 2, written: 1, reviews: null });
    expect(JSON.stringify(before)).not.toContain("Muy clara la cadena de avisos.");

    expect((await outcome(async () => teamWorkAction({ request: await signedInRequest(t.db, people.outsider, taskUrl(), { method: "POST", body: new URLSearchParams({ intent: "closeReviews" }) }), context, params: { cohortId, courseId: COURSE, itemId: ITEM } }))).status).toBe(404);
    const closed = await facilitate(people.facilitator, { intent: "closeReviews" });
    expect(closed.headers.get("location")).toContain("reviews=closed");
    expect((await facilitate(people.facilitator, { intent: "closeReviews" })).status).toBe(409);
    const after = (await page(people.gt1)).peerReview.received;
    expect(after.reviews).toHaveLength(1);
    expect(after.reviews[0]).toMatchObject({ reviewerTeam: "Equipo Honduras", by: "Carla HN" });
    expect(after.reviews[0].html).toContain("Muy clara la cadena de avisos.");
    // El Salvador has still to write; written late, its review shows at once.
    const svToWrite: ToWrite[] = (await page(people.sv)).peerReview.toWrite;
    const svOfGuatemala = svToWrite.find((w) => w.reviewedTeam === "Equipo Guatemala")!;
    expect((await post(people.sv, { intent: "review", assignment: svOfGuatemala.assignmentId, review: "Tarde, pero útil." })).status).toBe(302);
    expect((await page(people.gt1)).peerReview.received.reviews).toHaveLength(2);
  });

  it("as stored: among the teams that handed in, never a team's own work, and each gives and gets the same number of reviews (property)", async () => {
    const course = completionCourse(context.content.courses.get(COURSE)!);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom("draft", "submitted", "accepted"), { minLength: 1, maxLength: 7 }), fc.integer({ min: 1, max: 3 }), async (statuses, perTeam) => {
        const cohort = await makeCohort(t.db);
        const teams = [];
        for (const [i, status] of statuses.entries()) {
          const team = await t.db.insertInto("teams").values({ cohort_id: cohort, name: `Equipo ${i}` }).returning("id").executeTakeFirstOrThrow();
          await t.db.insertInto("team_submissions").values({ team_id: team.id, course_id: COURSE, item_id: ITEM, body_source: "Ruta", body_html: "<p>Ruta</p>", version: i + 1, status }).execute();
          teams.push({ id: team.id, status, version: i + 1 });
        }
        const task = { course, item: { id: ITEM, kind: "group-task" }, peerReview: true, cohortId: cohort, reviewsPerTeam: perTeam, windowDays: 7 };
        const handedIn = teams.filter((team) => team.status !== "draft");
        const opened = await tx((trx) => openReviewRound(trx, task, people.facilitator));
        if (!handedIn.length) {
          expect(opened).toEqual({ ok: false, code: "nothingHandedIn" });
          return;
        }
        const rows = await t.db
          .selectFrom("peer_review_assignments")
          .innerJoin("peer_review_rounds", "peer_review_rounds.id", "peer_review_assignments.round_id")
          .innerJoin("team_submissions", "team_submissions.id", "peer_review_assignments.submission_id")
          .select(["peer_review_assignments.reviewer_team_id as reviewer", "team_submissions.team_id as reviewed", "peer_review_assignments.submission_version as version"])
          .where("peer_review_rounds.cohort_id", "=", cohort)
          .execute();
        const each = Math.min(perTeam, handedIn.length - 1);
        expect(opened).toEqual({ ok: true, teams: handedIn.length, reviews: handedIn.length * each });
        for (const r of rows) {
          expect(r.reviewer).not.toBe(r.reviewed);
          expect(r.version).toBe(teams.find((team) => team.id === r.reviewed)!.version);
        }
        for (const team of teams) {
          const expected = team.status === "draft" ? 0 : each;
          expect(rows.filter((r) => r.reviewer === team.id)).toHaveLength(expected);
          expect(rows.filter((r) => r.reviewed === team.id)).toHaveLength(expected);
        }
      }),
      { numRuns: 12 },
    );
  });

  it("two last steps at the same moment (two reviews, or a review and the acceptance) still complete the team; a closed cohort's round is not changed", async () => {
    const course = completionCourse(context.content.courses.get(COURSE)!);
    const rubric = context.content.courses.get(COURSE)!.groupTasks.get(ITEM)!.rubric;
    const cohort = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohort, course_id: COURSE, due_on: null }).execute();
    const teams: { id: string; members: string[]; submission: string }[] = [];
    for (const [i, status] of (["accepted", "submitted", "submitted"] as const).entries()) {
      const team = await t.db.insertInto("teams").values({ cohort_id: cohort, name: `Equipo ${i}` }).returning("id").executeTakeFirstOrThrow();
      const members = [(await makePerson(t.db, { cohortId: cohort })).id, (await makePerson(t.db, { cohortId: cohort })).id];
      await t.db.insertInto("team_members").values(members.map((person_id) => ({ team_id: team.id, cohort_id: cohort, person_id }))).execute();
      const submission = await t.db.insertInto("team_submissions").values({ team_id: team.id, course_id: COURSE, item_id: ITEM, body_source: "Ruta", body_html: "<p>Ruta</p>", version: 1, status }).returning("id").executeTakeFirstOrThrow();
      await t.db.insertInto("team_submission_revisions").values({ submission_id: submission.id, version: 1, body_source: "Ruta" }).execute();
      teams.push({ id: team.id, members, submission: submission.id });
    }
    const task = { course, item: { id: ITEM, kind: "group-task" }, peerReview: true, cohortId: cohort };
    ok(await tx((trx) => openReviewRound(trx, { ...task, reviewsPerTeam: 2, windowDays: 7 }, people.facilitator)));
    const assignmentsOf = async (teamId: string) => (await t.db.selectFrom("peer_review_assignments").select("id").where("reviewer_team_id", "=", teamId).orderBy("id").execute()).map((a) => a.id);
    const done = async (personId: string) =>
      (await t.db.selectFrom("item_progress").select("completed_at").where("person_id", "=", personId).where("course_id", "=", COURSE).where("item_id", "=", ITEM).executeTakeFirst())?.completed_at ?? null;

    // Team 0 (accepted) sends its two reviews at once, one from each member.
    const [a1, a2] = await assignmentsOf(teams[0]!.id);
    const [first, second] = teams[0]!.members;
    await Promise.all([tx((trx) => writeReview(trx, task, teams[0]!.id, first!, a1!, "Clara.")), tx((trx) => writeReview(trx, task, teams[0]!.id, second!, a2!, "Útil."))]);
    for (const member of teams[0]!.members) expect(await done(member)).not.toBeNull();

    // Team 1 sends its last review while the facilitator accepts its work.
    const [b1, b2] = await assignmentsOf(teams[1]!.id);
    ok(await tx((trx) => writeReview(trx, task, teams[1]!.id, teams[1]!.members[0]!, b1!, "Clara.")));
    const scores = Object.fromEntries(rubric.map((c) => [c.id, String(c.levels[0]!.score)]));
    await Promise.all([
      tx((trx) => writeReview(trx, task, teams[1]!.id, teams[1]!.members[1]!, b2!, "Útil.")),
      tx((trx) => giveFeedback(trx, { ...task, rubric }, { submissionId: teams[1]!.submission, version: 1, scores, body: "Bien.", decision: "accepted", by: people.facilitator })),
    ]);
    for (const member of teams[1]!.members) expect(await done(member)).not.toBeNull();

    // Once the cohort is closed, its task page changes nothing, even for its own facilitator.
    const facilitator = (await makePerson(t.db, { role: "facilitator", cohortId: cohort })).id;
    await t.db.updateTable("cohorts").set({ closed_at: new Date() }).where("id", "=", cohort).execute();
    const closer = await outcome(async () => teamWorkAction({ request: await signedInRequest(t.db, facilitator, `/facilitate/teams/${cohort}/${COURSE}/${ITEM}`, { method: "POST", body: new URLSearchParams({ intent: "closeReviews" }) }), context, params: { cohortId: cohort, courseId: COURSE, itemId: ITEM } }));
    expect(closer.status).toBe(409);
    expect(await closer.json()).toMatchObject({ error: "facilitate.teamWork.errors.closed" });
  });
});
