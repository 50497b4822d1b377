import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Trx } from "../../db/client";
import { loadContent } from "../../app/content/load.server";
import type { Catalog, Course } from "../../app/content/model";
import { revisionsOf, saveSubmission, submissionOf, submitSubmission } from "../../app/models/teams/submission.server";
import { teamOf, teamsOfCohort } from "../../app/models/teams/teams.server";
import { action as itemAction, loader as itemLoader } from "../../app/routes/learn.$courseId.$itemId/route";
import { action as teamsAction } from "../../app/routes/facilitate.teams.$cohortId";
import { action as teamWorkAction, loader as teamWorkLoader } from "../../app/routes/facilitate.teams.$cohortId_.$courseId.$itemId";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makeCountry, makePerson } from "../setup/factories";
import { ok } from "../setup/results";
import { openTestDb, type TestDb } from "../setup/test-db";

// Group tasks: teams of a cohort write one text together. Saves are versioned (the second of
// two concurrent saves is a conflict that loses nothing), every version is kept, and nobody
// outside the team reads or writes it by any route.
const COURSE = "unaccompanied-children";
const ITEM = "referral-route-map";

let t: TestDb;
let context: AppLoadContext;
let cohortId = "";
const people = { gt1: "", gt2: "", hn1: "", facilitator: "", elsewhere: "" };
beforeAll(async () => {
  t = await openTestDb();
  const real = loadContent("content/courses").catalog;
  context = testContext(t.db, { content: openItem(real) });
  await makeCountry(t.db, "GT");
  await makeCountry(t.db, "HN");
  cohortId = await makeCohort(t.db);
  await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: null }).execute();
  people.gt1 = (await makePerson(t.db, { cohortId, countryCode: "GT", name: "Ana GT" })).id;
  people.gt2 = (await makePerson(t.db, { cohortId, countryCode: "GT", name: "Beto GT" })).id;
  people.hn1 = (await makePerson(t.db, { cohortId, countryCode: "HN", name: "Carla HN" })).id;
  people.facilitator = (await makePerson(t.db, { role: "facilitator", cohortId })).id;
  const other = await makeCohort(t.db);
  await t.db.insertInto("cohort_courses").values({ cohort_id: other, course_id: COURSE, due_on: null }).execute();
  people.elsewhere = (await makePerson(t.db, { cohortId: other, countryCode: "GT" })).id;
});
afterAll(async () => t.close());

/** The real course with the group task moved into an open first module, so its page opens for anyone given the course. */
function openItem(catalog: Catalog): Catalog {
  const base = catalog.courses.get(COURSE)!;
  const item = { ...base.items.get(ITEM)!, moduleId: "only", requires: [] };
  // Without its peer review: acceptance alone completes the item here (tests/integration/peer-review.test.ts has the review).
  const task = { ...base.groupTasks.get(ITEM)!, peerReview: null };
  const course: Course = { ...base, modules: [{ id: "only", title: { es: "Único" }, requires: [], items: [item] }], items: new Map([[ITEM, item]]), groupTasks: new Map([[ITEM, task]]) };
  return { courses: new Map([[COURSE, course]]) };
}

const tx = <T>(run: (trx: Trx) => Promise<T>) => t.db.transaction().execute(run);
const refOf = async (personId: string) => ({ teamId: (await teamOf(t.db, cohortId, personId))!.id, courseId: COURSE, itemId: ITEM });
const page = async (personId: string) => (await (await outcome(async () => itemLoader({ request: await signedInRequest(t.db, personId, `/learn/${COURSE}/${ITEM}`), context, params: { courseId: COURSE, itemId: ITEM } }))).json())["group-task"];
const assess = async (personId: string, fields: Record<string, string>) =>
  outcome(async () => teamWorkAction({ request: await signedInRequest(t.db, personId, `/facilitate/teams/${cohortId}/${COURSE}/${ITEM}`, { method: "POST", body: new URLSearchParams(fields) }), context, params: { cohortId, courseId: COURSE, itemId: ITEM } }));
const SCORES = { "score.notification-order": "3", "score.handover": "2", "score.never-done": "3", "score.gaps-and-proposals": "1" };
const completedBy = async (personId: string) =>
  (await t.db.selectFrom("item_progress").select("completed_at").where("person_id", "=", personId).where("course_id", "=", COURSE).where("item_id", "=", ITEM).executeTakeFirst())?.completed_at ?? null;
const post = async (personId: string, fields: Record<string, string>) =>
  outcome(async () => itemAction({ request: await signedInRequest(t.db, personId, `/learn/${COURSE}/${ITEM}`, { method: "POST", body: new URLSearchParams(fields) }), context, params: { courseId: COURSE, itemId: ITEM } }));

describe(`group tasks (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("the facilitator forms one team per country; a person is in one team of the cohort", async () => {
    const made = await outcome(async () => teamsAction({ request: await signedInRequest(t.db, people.facilitator, `/facilitate/teams/${cohortId}`, { method: "POST", body: new URLSearchParams({ intent: "generate", by: "country" }) }), context, params: { cohortId } }));
    expect(made.status).toBe(302);
    const teams = await teamsOfCohort(t.db, cohortId);
    expect(teams.map((team) => [team.name, team.members.map((m) => m.displayName)])).toEqual([
      ["Equipo Guatemala", ["Ana GT", "Beto GT"]],
      ["Equipo Honduras", ["Carla HN"]],
    ]);
    // The database refuses a second team for the same person in the cohort.
    const extra = await t.db.insertInto("teams").values({ cohort_id: cohortId, name: "Otro" }).returning("id").executeTakeFirstOrThrow();
    await expect(t.db.insertInto("team_members").values({ team_id: extra.id, cohort_id: cohortId, person_id: people.gt1 }).execute()).rejects.toThrow();
    await t.db.deleteFrom("teams").where("id", "=", extra.id).execute();
  });

  it("two members save at once: the stale save is a conflict that returns both texts, and every saved version is kept", async () => {
    const ref = await refOf(people.gt1);
    expect(ok(await tx((trx) => saveSubmission(trx, ref, people.gt1, "## Primer contacto\n\nLlamamos a la Procuraduría.", 0))).version).toBe(1);
    expect(ok(await tx((trx) => saveSubmission(trx, ref, people.gt2, "## Primer contacto\n\nLlamamos a la Procuraduría y al DIF.", 1))).version).toBe(2);
    // Ana's page still showed version 1.
    const stale = await tx((trx) => saveSubmission(trx, ref, people.gt1, "## Primer contacto\n\nLlamamos a la Procuraduría primero.", 1));
    expect(stale).toMatchObject({ ok: false, code: "conflict", current: { version: 2, body_source: "## Primer contacto\n\nLlamamos a la Procuraduría y al DIF." } });
    // Through the page: the same conflict, with what she typed and the team's text.
    const response = await post(people.gt1, { intent: "save", version: "1", body: "Mi versión" });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: "groupTask.errors.conflict", values: { body: "Mi versión", theirs: "## Primer contacto\n\nLlamamos a la Procuraduría y al DIF.", theirsVersion: "2" } });
    // Saving again on top of version 2 works.
    expect(ok(await tx((trx) => saveSubmission(trx, ref, people.gt1, "## Primer contacto\n\nProcuraduría primero, luego el DIF.", 2))).version).toBe(3);
    const submission = (await submissionOf(t.db, ref))!;
    const history = await revisionsOf(t.db, submission.id);
    expect(history.map((r) => [r.version, r.display_name])).toEqual([
      [3, "Ana GT"],
      [2, "Beto GT"],
      [1, "Ana GT"],
    ]);
    expect(history.at(-1)?.body_source).toBe("## Primer contacto\n\nLlamamos a la Procuraduría.");
  });

  it("two first saves at the same moment: one is version 1, the other a conflict", async () => {
    const hn = await refOf(people.hn1);
    const other = (await makePerson(t.db, { cohortId, countryCode: "HN" })).id;
    await t.db.insertInto("team_members").values({ team_id: hn.teamId, cohort_id: cohortId, person_id: other }).execute();
    const results = await Promise.all([tx((trx) => saveSubmission(trx, hn, people.hn1, "Texto A", 0)), tx((trx) => saveSubmission(trx, hn, other, "Texto B", 0))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(1);
    expect((await revisionsOf(t.db, (await submissionOf(t.db, hn))!.id)).map((r) => r.version)).toEqual([1]);
  });

  it("refuses text with personal data, and any edit once the work is handed in", async () => {
    const ref = await refOf(people.gt2);
    expect(await tx((trx) => saveSubmission(trx, ref, people.gt2, "Llamar al 55 1234 5678 del oficial de guardia.", 3))).toEqual({ ok: false, code: "personalData" });
    expect(await tx((trx) => submitSubmission(trx, ref, people.gt2, 2))).toEqual({ ok: false, code: "conflict" });
    expect(await tx((trx) => submitSubmission(trx, ref, people.gt2, 3))).toEqual({ ok: true });
    expect(await tx((trx) => saveSubmission(trx, ref, people.gt2, "Un cambio tardío.", 3))).toEqual({ ok: false, code: "submitted" });
    expect((await page(people.gt1)).submission).toMatchObject({ status: "submitted", version: 3 });
  });

  it("nobody outside the team reads or writes its text: another team, another cohort, the page or a crafted form", async () => {
    const gt = await refOf(people.gt1);
    const before = await submissionOf(t.db, gt);
    // Honduras' member sees Honduras' text only.
    expect((await page(people.hn1)).submission?.source).not.toContain("Procuraduría");
    expect((await page(people.hn1)).team).toEqual({ name: "Equipo Honduras" });
    // An officer of another cohort has no team here: no text, and a save is refused.
    expect(await page(people.elsewhere)).toMatchObject({ team: null, submission: null });
    const crafted = await post(people.elsewhere, { intent: "save", version: "3", body: "Intruso" });
    expect(crafted.status).toBe(409);
    expect(await crafted.json()).toMatchObject({ error: "groupTask.noTeam" });
    expect(await submissionOf(t.db, gt)).toEqual(before);
    // The facilitator cannot form the teams again once a team has written.
    const again = await outcome(async () => teamsAction({ request: await signedInRequest(t.db, people.facilitator, `/facilitate/teams/${cohortId}`, { method: "POST", body: new URLSearchParams({ intent: "generate", by: "institution" }) }), context, params: { cohortId } }));
    expect(again.status).toBe(409);
    expect((await teamsOfCohort(t.db, cohortId)).map((team) => team.name)).toEqual(["Equipo Guatemala", "Equipo Honduras"]);
    // And a facilitator of another cohort cannot reach this cohort's teams at all.
    const outsider = (await makePerson(t.db, { role: "facilitator", cohortId: (await makeCohort(t.db)) })).id;
    const refused = await outcome(async () => teamsAction({ request: await signedInRequest(t.db, outsider, `/facilitate/teams/${cohortId}`, { method: "POST", body: new URLSearchParams({ intent: "generate", by: "country" }) }), context, params: { cohortId } }));
    expect(refused.status).toBe(404);
  });

  it("the facilitator's feedback: a bad form stores nothing, returning reopens the text, accepting completes every member's item", async () => {
    const gt = await refOf(people.gt1);
    const submission = (await submissionOf(t.db, gt))!;
    const feedbackRows = async () => (await t.db.selectFrom("team_feedback").select("decision").where("submission_id", "=", submission.id).execute()).map((r) => r.decision);
    // A criterion left without a level: refused, with what was typed sent back, and nothing stored.
    const partial = await assess(people.facilitator, { submission: submission.id, version: "3", intent: "accepted", body: "Buen comienzo.", "score.handover": "2" });
    expect(partial.status).toBe(400);
    expect(await partial.json()).toMatchObject({ error: "facilitate.teamWork.errors.scores", values: { body: "Buen comienzo.", "score.handover": "2" } });
    const notALevel = await assess(people.facilitator, { submission: submission.id, version: "3", intent: "accepted", body: "Buen comienzo.", ...SCORES, "score.handover": "7" });
    expect(notALevel.status).toBe(400);
    expect(await feedbackRows()).toEqual([]);
    expect((await submissionOf(t.db, gt))!.status).toBe("submitted");

    // Reopened at the team's request, without feedback: a draft again, then handed in again (version 3 still).
    expect((await assess(people.facilitator, { submission: submission.id, version: "2", intent: "reopen" })).status).toBe(409);
    const reopen = await assess(people.facilitator, { submission: submission.id, version: "3", intent: "reopen" });
    expect(reopen.headers.get("location")).toContain("done=reopened");
    expect((await submissionOf(t.db, gt))!.status).toBe("draft");
    expect(await feedbackRows()).toEqual([]);
    ok(await tx((trx) => submitSubmission(trx, gt, people.gt1, 3)));

    // Returned for changes: the team can edit again and reads the feedback with each level named.
    const returned = await assess(people.facilitator, { submission: submission.id, version: "3", intent: "returned", body: "Falta qué se hace de noche.", ...SCORES });
    expect(returned.status).toBe(302);
    const reopened = (await page(people.gt2)).submission;
    expect(reopened).toMatchObject({ status: "draft", feedback: [{ version: 3, decision: "returned", total: 9, max: 12 }] });
    expect(reopened.feedback[0].levels).toHaveLength(4);
    expect(reopened.feedback[0].levels[0]).toMatchObject({ score: 3, label: "Sólido" });
    expect(reopened.feedback[0].html).toContain("Falta qué se hace de noche.");
    // Another team sees none of it.
    expect((await page(people.hn1)).submission?.feedback).toEqual([]);
    expect(await completedBy(people.gt1)).toBeNull();

    // The team changes the text and hands it in again; feedback on the old version is now stale.
    expect(ok(await tx((trx) => saveSubmission(trx, gt, people.gt2, "## Primer contacto\n\nProcuraduría primero, luego el DIF. De noche, la guardia de la Procuraduría.", 3))).version).toBe(4);
    expect(await tx((trx) => submitSubmission(trx, gt, people.gt2, 4))).toEqual({ ok: true });
    const stale = await assess(people.facilitator, { submission: submission.id, version: "3", intent: "accepted", body: "Muy bien.", ...SCORES });
    expect(stale.status).toBe(409);

    // Accepted: both members' items complete, in the same transaction; Honduras' member's does not.
    const accepted = await assess(people.facilitator, { submission: submission.id, version: "4", intent: "accepted", body: "Muy bien: la ruta nocturna quedó clara.", ...SCORES, "score.gaps-and-proposals": "3" });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toContain("done=accepted&completed=2");
    expect(await completedBy(people.gt1)).not.toBeNull();
    expect(await completedBy(people.gt2)).not.toBeNull();
    expect(await completedBy(people.hn1)).toBeNull();
    expect(await feedbackRows()).toEqual(["returned", "accepted"]);
    const scored = await t.db.selectFrom("learning_events").select("actor_id").where("verb", "=", "scored").where("object_id", "=", `${COURSE}/${ITEM}`).execute();
    expect(scored.map((e) => e.actor_id).sort()).toEqual([people.gt1, people.gt2].sort());
    expect((await page(people.gt1)).submission).toMatchObject({ status: "accepted", feedback: [{ version: 4, decision: "accepted", total: 11 }, { version: 3, decision: "returned" }] });
    // Accepted work cannot be assessed twice, and a member of a team whose work is not accepted cannot mark the item done.
    expect((await assess(people.facilitator, { submission: submission.id, version: "4", intent: "returned", body: "Otra vez.", ...SCORES })).status).toBe(409);
    const early = await post(people.hn1, { intent: "complete", version: "1" });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: "groupTask.errors.notDone" });
  });

  it("the facilitator's page of a task lists every team with its state, and is not found for a facilitator of another cohort", async () => {
    const board = await (await outcome(async () => teamWorkLoader({ request: await signedInRequest(t.db, people.facilitator, `/facilitate/teams/${cohortId}/${COURSE}/${ITEM}`), context, params: { cohortId, courseId: COURSE, itemId: ITEM } }))).json();
    expect(board.teams.map((team: { teamName: string; submission: { status: string } | null }) => [team.teamName, team.submission?.status])).toEqual([
      ["Equipo Guatemala", "accepted"],
      ["Equipo Honduras", "draft"],
    ]);
    const outsider = (await makePerson(t.db, { role: "facilitator", cohortId: await makeCohort(t.db) })).id;
    const hidden = await outcome(async () => teamWorkLoader({ request: await signedInRequest(t.db, outsider, `/facilitate/teams/${cohortId}/${COURSE}/${ITEM}`), context, params: { cohortId, courseId: COURSE, itemId: ITEM } }));
    expect(hidden.status).toBe(404);
    const crafted = await outcome(async () => teamWorkAction({ request: await signedInRequest(t.db, outsider, `/facilitate/teams/${cohortId}/${COURSE}/${ITEM}`, { method: "POST", body: new URLSearchParams({ submission: "00000000-0000-4000-8000-000000000000", version: "1", intent: "accepted" }) }), context, params: { cohortId, courseId: COURSE, itemId: ITEM } }));
    expect(crafted.status).toBe(404);
    // A facilitator of another cohort given the same course, on their own cohort's page, with a submission id of this one: refused, nothing changes.
    const theirs = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: theirs, course_id: COURSE, due_on: null }).execute();
    const neighbour = (await makePerson(t.db, { role: "facilitator", cohortId: theirs })).id;
    const hnRef = await refOf(people.hn1);
    const hn = (await submissionOf(t.db, hnRef))!;
    ok(await tx((trx) => submitSubmission(trx, hnRef, people.hn1, hn.version)));
    for (const fields of [{ intent: "accepted", body: "Muy bien.", ...SCORES }, { intent: "reopen" }]) {
      const request = await signedInRequest(t.db, neighbour, `/facilitate/teams/${theirs}/${COURSE}/${ITEM}`, { method: "POST", body: new URLSearchParams({ submission: hn.id, version: String(hn.version), ...fields }) });
      const across = await outcome(async () => teamWorkAction({ request, context, params: { cohortId: theirs, courseId: COURSE, itemId: ITEM } }));
      expect(across.status).toBe(409);
    }
    expect((await submissionOf(t.db, hnRef))!.status).toBe("submitted");
    expect(await t.db.selectFrom("team_feedback").select("id").where("submission_id", "=", hn.id).execute()).toEqual([]);
  });
});
