import type { DB, Trx } from "../../../db/client";
import { cohortsInScope, grantsFor, type Grant } from "../access.server";
import { refused, type Result } from "../result";

// Teams inside a cohort, for group tasks. A person is in at most one team per cohort (the
// database's unique constraint says so too). Teams are generated in one step, by country or by
// institution, from the cohort's officers; they are made and changed by hand in membership.server.ts.

export type TeamGrouping = "country" | "institution";

export interface TeamView {
  id: string;
  name: string;
  /** Whether the team has written something: its work keeps it from being deleted. */
  hasWork: boolean;
  members: { personId: string; displayName: string; countryCode: string | null }[];
}

/** The cohort, when the person's grants to manage teams reach it; null otherwise (out of scope is as good as absent). */
export async function teamCohortInScope(db: DB | Trx, grants: Grant[], cohortId: string) {
  return (await db.selectFrom("cohorts").select(["id", "name", "closed_at"]).where("id", "=", cohortId).where(cohortsInScope(grantsFor(grants, "manage:teams"))).executeTakeFirst()) ?? null;
}

export async function teamsOfCohort(db: DB | Trx, cohortId: string): Promise<TeamView[]> {
  const rows = await db
    .selectFrom("teams")
    .leftJoin("team_members", "team_members.team_id", "teams.id")
    .leftJoin("people", "people.id", "team_members.person_id")
    .select(["teams.id", "teams.name", "people.id as person_id", "people.display_name", "people.country_code"])
    .select((eb) => eb.exists(eb.selectFrom("team_submissions").select("team_submissions.id").whereRef("team_submissions.team_id", "=", "teams.id")).as("has_work"))
    .where("teams.cohort_id", "=", cohortId)
    .orderBy("teams.name")
    .orderBy("people.display_name")
    .execute();
  const teams = new Map<string, TeamView>();
  for (const r of rows) {
    const team = teams.get(r.id) ?? { id: r.id, name: r.name, hasWork: Boolean(r.has_work), members: [] };
    if (r.person_id) team.members.push({ personId: r.person_id, displayName: r.display_name ?? "", countryCode: r.country_code ?? null });
    teams.set(r.id, team);
  }
  return [...teams.values()];
}

/** The person's team in a cohort, if any. */
export async function teamOf(db: DB | Trx, cohortId: string, personId: string): Promise<{ id: string; name: string } | null> {
  return (
    (await db
      .selectFrom("team_members")
      .innerJoin("teams", "teams.id", "team_members.team_id")
      .select(["teams.id", "teams.name"])
      .where("team_members.cohort_id", "=", cohortId)
      .where("team_members.person_id", "=", personId)
      .executeTakeFirst()) ?? null
  );
}

/**
 * Makes the cohort's teams in one step: one team per country (or institution) of its officers,
 * named after it; officers with none form a team of their own. Refused once any team has written
 * something, so nobody's work is moved away from them, and once the cohort is closed.
 */
export async function generateTeams(trx: Trx, cohortId: string, by: TeamGrouping, groupName: (key: string | null) => string, actorId: string): Promise<Result<{ teams: number }, "closed" | "hasWork">> {
  const cohort = await trx.selectFrom("cohorts").select("closed_at").where("id", "=", cohortId).forUpdate().executeTakeFirst();
  if (!cohort || cohort.closed_at !== null) return refused("closed");
  const work = await trx.selectFrom("team_submissions").innerJoin("teams", "teams.id", "team_submissions.team_id").select("team_submissions.id").where("teams.cohort_id", "=", cohortId).limit(1).executeTakeFirst();
  if (work) return refused("hasWork");
  await trx.deleteFrom("teams").where("cohort_id", "=", cohortId).execute();
  const officers = await trx
    .selectFrom("cohort_members")
    .innerJoin("people", "people.id", "cohort_members.person_id")
    .select(["people.id", by === "country" ? "people.country_code as key" : "people.institution_id as key"])
    .where("cohort_members.cohort_id", "=", cohortId)
    .where("cohort_members.role", "=", "officer")
    .where("people.disabled_at", "is", null)
    .execute();
  const groups = new Map<string | null, string[]>();
  for (const o of officers) groups.set(o.key, [...(groups.get(o.key) ?? []), o.id]);
  for (const [key, members] of groups) {
    const team = await trx.insertInto("teams").values({ cohort_id: cohortId, name: groupName(key), created_by: actorId }).returning("id").executeTakeFirstOrThrow();
    await trx.insertInto("team_members").values(members.map((personId) => ({ team_id: team.id, cohort_id: cohortId, person_id: personId }))).execute();
  }
  return { ok: true, teams: groups.size };
}
