import { sql } from "kysely";
import type { DB, Trx } from "../../../db/client";
import { refused, type Result } from "../result";

// Teams made and changed by hand, one person or one team at a time: for officers who join a
// cohort after its teams were formed, and for a facilitator's own choices. Every change first
// locks the cohort's row, so two facilitators working at once are taken one after the other,
// and a cohort closed meanwhile is seen. Ids come from a form: each one is checked against the
// cohort in SQL, never trusted.

export const TEAM_NAME_MAX = 80;

export type MembershipCode = "closed" | "badName" | "nameTaken" | "noSuchTeam" | "noSuchPerson" | "alreadyInTeam" | "notInTeam" | "sameTeam" | "notEmpty" | "hasWork";

/** The cohort, locked until the transaction ends; refused once it is closed (or when it is gone). */
async function lockOpenCohort(trx: Trx, cohortId: string): Promise<boolean> {
  const cohort = await trx.selectFrom("cohorts").select("closed_at").where("id", "=", cohortId).forUpdate().executeTakeFirst();
  return cohort !== undefined && cohort.closed_at === null;
}

async function teamInCohort(trx: Trx, cohortId: string, teamId: string) {
  return trx.selectFrom("teams").select(["id", "name"]).where("id", "=", teamId).where("cohort_id", "=", cohortId).executeTakeFirst();
}

/** The team the person is in within this cohort, if any. */
async function membershipOf(trx: Trx, cohortId: string, personId: string) {
  return trx.selectFrom("team_members").select("team_id").where("cohort_id", "=", cohortId).where("person_id", "=", personId).executeTakeFirst();
}

/** Only an active officer of the cohort may be placed in one of its teams. */
async function isActiveOfficer(trx: Trx, cohortId: string, personId: string): Promise<boolean> {
  const row = await trx
    .selectFrom("cohort_members")
    .innerJoin("people", "people.id", "cohort_members.person_id")
    .select("people.id")
    .where("cohort_members.cohort_id", "=", cohortId)
    .where("cohort_members.person_id", "=", personId)
    .where("cohort_members.role", "=", "officer")
    .where("people.disabled_at", "is", null)
    .executeTakeFirst();
  return row !== undefined;
}

/** A new, empty team. Names are unique in the cohort, without regard to case ("Equipo A" and "equipo a" would confuse). */
export async function createTeam(trx: Trx, input: { cohortId: string; name: string; actorId: string }): Promise<Result<{ teamId: string }, "closed" | "badName" | "nameTaken">> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > TEAM_NAME_MAX) return refused("badName");
  if (!(await lockOpenCohort(trx, input.cohortId))) return refused("closed");
  const taken = await trx.selectFrom("teams").select("id").where("cohort_id", "=", input.cohortId).where(sql`lower(name)`, "=", name.toLowerCase()).executeTakeFirst();
  if (taken) return refused("nameTaken");
  const team = await trx.insertInto("teams").values({ cohort_id: input.cohortId, name, created_by: input.actorId }).returning("id").executeTakeFirstOrThrow();
  return { ok: true, teamId: team.id };
}

/** Puts an officer of the cohort who has no team yet into one of its teams. */
export async function addToTeam(trx: Trx, input: { cohortId: string; personId: string; teamId: string }): Promise<Result<object, "closed" | "noSuchTeam" | "noSuchPerson" | "alreadyInTeam">> {
  if (!(await lockOpenCohort(trx, input.cohortId))) return refused("closed");
  if (!(await teamInCohort(trx, input.cohortId, input.teamId))) return refused("noSuchTeam");
  if (!(await isActiveOfficer(trx, input.cohortId, input.personId))) return refused("noSuchPerson");
  if (await membershipOf(trx, input.cohortId, input.personId)) return refused("alreadyInTeam");
  await trx.insertInto("team_members").values({ team_id: input.teamId, cohort_id: input.cohortId, person_id: input.personId }).execute();
  return { ok: true };
}

/**
 * Moves a member to another team of the cohort. What the old team wrote stays with it, as do
 * its revisions: those name the person who wrote each one, wherever they are now.
 */
export async function moveToTeam(trx: Trx, input: { cohortId: string; personId: string; teamId: string }): Promise<Result<object, "closed" | "noSuchTeam" | "notInTeam" | "sameTeam">> {
  if (!(await lockOpenCohort(trx, input.cohortId))) return refused("closed");
  if (!(await teamInCohort(trx, input.cohortId, input.teamId))) return refused("noSuchTeam");
  const current = await membershipOf(trx, input.cohortId, input.personId);
  if (!current) return refused("notInTeam");
  if (current.team_id === input.teamId) return refused("sameTeam");
  await trx.updateTable("team_members").set({ team_id: input.teamId }).where("cohort_id", "=", input.cohortId).where("person_id", "=", input.personId).execute();
  return { ok: true };
}

/** Takes a member out of their team; they are then listed among the cohort's people without a team. */
export async function removeFromTeam(trx: Trx, input: { cohortId: string; personId: string }): Promise<Result<object, "closed" | "notInTeam">> {
  if (!(await lockOpenCohort(trx, input.cohortId))) return refused("closed");
  const removed = await trx.deleteFrom("team_members").where("cohort_id", "=", input.cohortId).where("person_id", "=", input.personId).executeTakeFirst();
  return removed.numDeletedRows > 0n ? { ok: true } : refused("notInTeam");
}

/** Deletes a team with no members that has written nothing (deleting it would delete its work). */
export async function deleteTeam(trx: Trx, input: { cohortId: string; teamId: string }): Promise<Result<object, "closed" | "noSuchTeam" | "notEmpty" | "hasWork">> {
  if (!(await lockOpenCohort(trx, input.cohortId))) return refused("closed");
  if (!(await teamInCohort(trx, input.cohortId, input.teamId))) return refused("noSuchTeam");
  if (await trx.selectFrom("team_members").select("person_id").where("team_id", "=", input.teamId).limit(1).executeTakeFirst()) return refused("notEmpty");
  if (await trx.selectFrom("team_submissions").select("id").where("team_id", "=", input.teamId).limit(1).executeTakeFirst()) return refused("hasWork");
  await trx.deleteFrom("teams").where("id", "=", input.teamId).where("cohort_id", "=", input.cohortId).execute();
  return { ok: true };
}

/** The cohort's active officers who are in none of its teams, by name. */
export async function officersWithoutTeam(db: DB | Trx, cohortId: string): Promise<{ personId: string; displayName: string; countryCode: string | null }[]> {
  const rows = await db
    .selectFrom("cohort_members")
    .innerJoin("people", "people.id", "cohort_members.person_id")
    .leftJoin("team_members", (join) => join.onRef("team_members.person_id", "=", "cohort_members.person_id").onRef("team_members.cohort_id", "=", "cohort_members.cohort_id"))
    .select(["people.id", "people.display_name", "people.country_code"])
    .where("cohort_members.cohort_id", "=", cohortId)
    .where("cohort_members.role", "=", "officer")
    .where("people.disabled_at", "is", null)
    .where("team_members.person_id", "is", null)
    .orderBy("people.display_name")
    .execute();
  return rows.map((r) => ({ personId: r.id, displayName: r.display_name, countryCode: r.country_code }));
}
