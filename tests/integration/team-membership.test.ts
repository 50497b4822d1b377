import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Trx } from "../../db/client";
import { addToTeam } from "../../app/models/teams/membership.server";
import { revisionsOf, saveSubmission, submissionOf } from "../../app/models/teams/submission.server";
import { teamOf, teamsOfCohort } from "../../app/models/teams/teams.server";
import { action as teamsAction, loader as teamsLoader } from "../../app/routes/facilitate.teams.$cohortId";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makePerson } from "../setup/factories";
import { ok } from "../setup/results";
import { openTestDb, type TestDb } from "../setup/test-db";

// Teams made and changed by hand on the cohort's teams page: a team created by name, an officer
// without a team placed in one, a member moved or removed, an empty team deleted. Ids come from
// the form, so every one from another cohort is refused; a closed cohort refuses every change.
const COURSE = "unaccompanied-children";
const ITEM = "referral-route-map";

let t: TestDb;
let context: AppLoadContext;
let cohortId = "";
let otherCohortId = "";
let otherTeamId = "";
const people = { ana: "", beto: "", disabled: "", facilitator: "", elsewhere: "" };

beforeAll(async () => {
  t = await openTestDb();
  context = testContext(t.db);
  cohortId = await makeCohort(t.db);
  people.ana = (await makePerson(t.db, { cohortId, countryCode: "GT", name: "Ana GT" })).id;
  people.beto = (await makePerson(t.db, { cohortId, countryCode: "GT", name: "Beto GT" })).id;
  people.disabled = (await makePerson(t.db, { cohortId, countryCode: "GT", name: "Dora Inactiva" })).id;
  await t.db.updateTable("people").set({ disabled_at: new Date() }).where("id", "=", people.disabled).execute();
  people.facilitator = (await makePerson(t.db, { role: "facilitator", cohortId, name: "Facilitadora" })).id;
  // Another cohort, with a team of its own and an officer in it.
  otherCohortId = await makeCohort(t.db);
  people.elsewhere = (await makePerson(t.db, { cohortId: otherCohortId, countryCode: "HN", name: "Elsa HN" })).id;
  otherTeamId = (await t.db.insertInto("teams").values({ cohort_id: otherCohortId, name: "Equipo Norte" }).returning("id").executeTakeFirstOrThrow()).id;
  await t.db.insertInto("team_members").values({ team_id: otherTeamId, cohort_id: otherCohortId, person_id: people.elsewhere }).execute();
});
afterAll(async () => t.close());

const tx = <T>(run: (trx: Trx) => Promise<T>) => t.db.transaction().execute(run);
const change = async (fields: Record<string, string>, by = people.facilitator) =>
  outcome(async () => teamsAction({ request: await signedInRequest(t.db, by, `/facilitate/teams/${cohortId}`, { method: "POST", body: new URLSearchParams(fields) }), context, params: { cohortId } }));
const refusal = async (response: Response) => ({ status: response.status, ...((await response.json()) as { error: string; values: { name: string } }) });
const page = async () => (await outcome(async () => teamsLoader({ request: await signedInRequest(t.db, people.facilitator, `/facilitate/teams/${cohortId}`), context, params: { cohortId } }))).json();
const teamId = async (name: string) => (await teamsOfCohort(t.db, cohortId)).find((team) => team.name === name)?.id ?? "";
const teamNameOf = async (personId: string, cohort = cohortId) => (await teamOf(t.db, cohort, personId))?.name ?? null;
const unteamedNames = async () => ((await page()).unteamed as { displayName: string }[]).map((p) => p.displayName);

describe(`teams made by hand (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("creates a team by name: trimmed, unique in the cohort whatever the case, a refused name is sent back as typed", async () => {
    const made = await change({ intent: "create", name: "  Equipo Norte  " });
    expect(made.status).toBe(302);
    const norte = await teamId("Equipo Norte");
    expect(made.headers.get("location")).toBe(`/facilitate/teams/${cohortId}?done=create&team=${norte}`);
    expect((await page()).teams).toEqual([{ id: norte, name: "Equipo Norte", hasWork: false, members: [] }]);

    expect(await refusal(await change({ intent: "create", name: "equipo norte" }))).toEqual({ status: 409, error: "facilitate.teams.errors.nameTaken", intent: "create", values: { name: "equipo norte" } });
    expect(await refusal(await change({ intent: "create", name: "   " }))).toMatchObject({ status: 400, error: "facilitate.teams.errors.badName", intent: "create" });
    const long = "E".repeat(81);
    expect(await refusal(await change({ intent: "create", name: long }))).toEqual({ status: 400, error: "facilitate.teams.errors.badName", intent: "create", values: { name: long } });
    expect((await change({ intent: "create", name: "E".repeat(80) })).status).toBe(302);
    // The other cohort's "Equipo Norte" was no obstacle, and is untouched.
    expect((await teamsOfCohort(t.db, otherCohortId)).map((team) => team.name)).toEqual(["Equipo Norte"]);
  });

  it("lists the active officers without a team and places one; nobody else can be placed", async () => {
    const norte = await teamId("Equipo Norte");
    // Neither the disabled officer nor the facilitator, nor the other cohort's officer.
    expect(await unteamedNames()).toEqual(["Ana GT", "Beto GT"]);
    const added = await change({ intent: "add", personId: people.ana, teamId: norte });
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toBe(`/facilitate/teams/${cohortId}?done=add&team=${norte}&person=${people.ana}`);
    expect(await teamNameOf(people.ana)).toBe("Equipo Norte");
    expect(await unteamedNames()).toEqual(["Beto GT"]);

    expect(await refusal(await change({ intent: "add", personId: people.ana, teamId: norte }))).toMatchObject({ status: 409, error: "facilitate.teams.errors.alreadyInTeam" });
    for (const personId of [people.disabled, people.facilitator, people.elsewhere]) {
      expect(await refusal(await change({ intent: "add", personId, teamId: norte }))).toMatchObject({ status: 404, error: "facilitate.teams.errors.noSuchPerson" });
    }
    // A team of another cohort, named in a crafted form.
    expect(await refusal(await change({ intent: "add", personId: people.beto, teamId: otherTeamId }))).toMatchObject({ status: 404, error: "facilitate.teams.errors.noSuchTeam" });
    expect(await refusal(await change({ intent: "add", personId: people.beto, teamId: "" }))).toMatchObject({ status: 400, error: "facilitate.teams.errors.chooseTeam" });
    expect(await refusal(await change({ intent: "add", personId: "not-an-id", teamId: norte }))).toMatchObject({ status: 400, error: "facilitate.teams.errors.badRequest" });
    expect(await teamNameOf(people.beto)).toBeNull();
    expect(await teamNameOf(people.disabled)).toBeNull();
    expect((await teamsOfCohort(t.db, otherCohortId))[0]!.members.map((m) => m.displayName)).toEqual(["Elsa HN"]);
  });

  it("two placements of one person at once: one succeeds, the other is refused", async () => {
    expect((await change({ intent: "create", name: "Equipo Sur" })).status).toBe(302);
    const [norte, sur] = [await teamId("Equipo Norte"), await teamId("Equipo Sur")];
    const results = await Promise.all([tx((trx) => addToTeam(trx, { cohortId, personId: people.beto, teamId: norte })), tx((trx) => addToTeam(trx, { cohortId, personId: people.beto, teamId: sur }))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "alreadyInTeam")).toHaveLength(1);
    // Beto goes back among those without a team for the next test.
    expect((await change({ intent: "remove", personId: people.beto })).status).toBe(302);
  });

  it("moves a member to another team, leaving the old team's text and history as they were, and removes a member", async () => {
    const norte = await teamId("Equipo Norte");
    const sur = await teamId("Equipo Sur");
    expect((await change({ intent: "add", personId: people.beto, teamId: norte })).status).toBe(302);
    const ref = { teamId: norte, courseId: COURSE, itemId: ITEM };
    ok(await tx((trx) => saveSubmission(trx, ref, people.beto, "Primero llamamos a la Procuraduría.", 0)));
    const before = (await submissionOf(t.db, ref))!;

    const moved = await change({ intent: "move", personId: people.beto, teamId: sur });
    expect(moved.status).toBe(302);
    expect(moved.headers.get("location")).toBe(`/facilitate/teams/${cohortId}?done=move&team=${sur}&person=${people.beto}`);
    expect(await teamNameOf(people.beto)).toBe("Equipo Sur");
    expect(await submissionOf(t.db, ref)).toEqual(before);
    expect((await revisionsOf(t.db, before.id)).map((r) => [r.version, r.display_name])).toEqual([[1, "Beto GT"]]);
    const teams = (await page()).teams as { name: string; hasWork: boolean; members: { displayName: string }[] }[];
    expect(teams.filter((team) => team.name !== "E".repeat(80)).map((team) => [team.name, team.hasWork, team.members.map((m) => m.displayName)])).toEqual([
      ["Equipo Norte", true, ["Ana GT"]],
      ["Equipo Sur", false, ["Beto GT"]],
    ]);

    expect(await refusal(await change({ intent: "move", personId: people.beto, teamId: sur }))).toMatchObject({ status: 409, error: "facilitate.teams.errors.sameTeam" });
    expect(await refusal(await change({ intent: "move", personId: people.beto, teamId: otherTeamId }))).toMatchObject({ status: 404, error: "facilitate.teams.errors.noSuchTeam" });
    // The other cohort's officer is in no team of this cohort: neither moved here nor removed from there.
    expect(await refusal(await change({ intent: "move", personId: people.elsewhere, teamId: sur }))).toMatchObject({ status: 409, error: "facilitate.teams.errors.notInTeam" });
    expect(await refusal(await change({ intent: "remove", personId: people.elsewhere }))).toMatchObject({ status: 409, error: "facilitate.teams.errors.notInTeam" });
    expect(await teamNameOf(people.elsewhere, otherCohortId)).toBe("Equipo Norte");

    const removed = await change({ intent: "remove", personId: people.beto });
    expect(removed.status).toBe(302);
    expect(removed.headers.get("location")).toBe(`/facilitate/teams/${cohortId}?done=remove&person=${people.beto}`);
    expect(await teamNameOf(people.beto)).toBeNull();
    expect(await unteamedNames()).toEqual(["Beto GT"]);
    expect(await refusal(await change({ intent: "remove", personId: people.beto }))).toMatchObject({ status: 409, error: "facilitate.teams.errors.notInTeam" });
  });

  it("deletes an empty team that wrote nothing; a team with members, with work, or of another cohort is kept", async () => {
    const norte = await teamId("Equipo Norte");
    const sur = await teamId("Equipo Sur");
    expect(await refusal(await change({ intent: "delete", teamId: norte }))).toMatchObject({ status: 409, error: "facilitate.teams.errors.notEmpty" });
    expect((await change({ intent: "move", personId: people.ana, teamId: sur })).status).toBe(302);
    // Empty now, but its text is kept, so the team is too.
    expect(await refusal(await change({ intent: "delete", teamId: norte }))).toMatchObject({ status: 409, error: "facilitate.teams.errors.teamHasWork" });
    expect(await refusal(await change({ intent: "delete", teamId: otherTeamId }))).toMatchObject({ status: 404, error: "facilitate.teams.errors.noSuchTeam" });

    const empty = await teamId("E".repeat(80));
    const deleted = await change({ intent: "delete", teamId: empty });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe(`/facilitate/teams/${cohortId}?done=delete`);
    expect((await teamsOfCohort(t.db, cohortId)).map((team) => team.name)).toEqual(["Equipo Norte", "Equipo Sur"]);
    expect((await teamsOfCohort(t.db, otherCohortId)).map((team) => team.name)).toEqual(["Equipo Norte"]);
  });

  it("a facilitator of another cohort gets 404 on a crafted POST, and nothing changes", async () => {
    const outsider = (await makePerson(t.db, { role: "facilitator", cohortId: otherCohortId })).id;
    const sur = await teamId("Equipo Sur");
    const before = await teamsOfCohort(t.db, cohortId);
    const crafted: Record<string, string>[] = [{ intent: "create", name: "Intrusos" }, { intent: "add", personId: people.beto, teamId: sur }, { intent: "remove", personId: people.ana }, { intent: "delete", teamId: sur }];
    for (const fields of crafted) {
      expect((await change(fields, outsider)).status).toBe(404);
    }
    expect(await teamsOfCohort(t.db, cohortId)).toEqual(before);
  });

  it("a closed cohort's page offers no change, and every change is refused", async () => {
    await t.db.updateTable("cohorts").set({ closed_at: new Date() }).where("id", "=", cohortId).execute();
    expect((await page()).cohort.closed).toBe(true);
    const norte = await teamId("Equipo Norte");
    const sur = await teamId("Equipo Sur");
    const before = await teamsOfCohort(t.db, cohortId);
    const changes: Record<string, string>[] = [
      { intent: "create", name: "Tarde" },
      { intent: "add", personId: people.beto, teamId: sur },
      { intent: "move", personId: people.ana, teamId: norte },
      { intent: "remove", personId: people.ana },
      { intent: "delete", teamId: norte },
      { intent: "generate", by: "country" },
    ];
    for (const fields of changes) {
      expect(await refusal(await change(fields))).toMatchObject({ status: 409, error: "facilitate.teams.errors.closed" });
    }
    expect(await teamsOfCohort(t.db, cohortId)).toEqual(before);
  });
});
