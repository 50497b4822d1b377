import type { Trx } from "../../db/client";
import type { RoleName } from "../../db/types";
import { refused, type Result } from "./result";

// Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement.
const CHUNK = 5000;

export interface NewMember {
  personId: string;
  role: RoleName;
}

/**
 * Why a cohort takes no more members: it does not exist, it is closed (a finished run is
 * read-only), or the new learners would take it past its capacity.
 */
export type MembershipRefusal = "cohort-missing" | "closed" | "full";

/**
 * The one way people join a cohort (invitation, import, an admin's form): every caller goes
 * through here so the cohort's rules (capacity, closed runs) are checked in one place, under a
 * lock on the cohort row (FOR NO KEY UPDATE) so concurrent joins are serialised. Existing members are left as they are;
 * each member also gets their role with the cohort as its scope.
 *
 * Capacity counts learners (officers): facilitators and coordinators of a run are its staff, not
 * its seats. All or nothing: when the new learners do not all fit, nobody is added.
 */
export async function addMembers(
  trx: Trx,
  cohortId: string,
  members: readonly NewMember[],
): Promise<Result<{ added: number }, MembershipRefusal>> {
  const cohort = await trx
    .selectFrom("cohorts")
    .select(["id", "capacity", "closed_at"])
    .where("id", "=", cohortId)
    // FOR NO KEY UPDATE: serialises joins like FOR UPDATE, but does not wait on the key-share
    // locks that the caller's own inserts referencing the cohort (grants, invitations) take, which
    // made two concurrent acceptances deadlock.
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!cohort) return refused("cohort-missing");
  if (cohort.closed_at) return refused("closed");
  if (members.length === 0) return { ok: true, added: 0 };
  if (cohort.capacity !== null) {
    const learners = [...new Set(members.filter((m) => m.role === "officer").map((m) => m.personId))];
    if (learners.length > 0) {
      // Read under the cohort lock: no other join can add a member between this count and the insert.
      const seated = await trx
        .selectFrom("cohort_members")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("cohort_id", "=", cohortId)
        .where("role", "=", "officer")
        .executeTakeFirstOrThrow();
      const already = await trx
        .selectFrom("cohort_members")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("cohort_id", "=", cohortId)
        .where("person_id", "in", learners)
        .executeTakeFirstOrThrow();
      const newcomers = learners.length - Number(already.n);
      if (Number(seated.n) + newcomers > cohort.capacity) return refused("full");
    }
  }
  let added = 0;
  for (let i = 0; i < members.length; i += CHUNK) {
    const chunk = members.slice(i, i + CHUNK);
    const inserted = await trx
      .insertInto("cohort_members")
      .values(chunk.map((m) => ({ cohort_id: cohortId, person_id: m.personId, role: m.role })))
      .onConflict((oc) => oc.columns(["cohort_id", "person_id"]).doNothing())
      .returning("person_id")
      .execute();
    added += inserted.length;
    // A member holds the role in the cohort: that grant is what lets an officer learn there.
    await trx
      .insertInto("role_grants")
      .values(chunk.map((m) => ({ person_id: m.personId, role: m.role, scope_kind: "cohort" as const, cohort_id: cohortId, country_code: null, institution_id: null, granted_by: null })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return { ok: true, added };
}

/**
 * Takes a learner out of a cohort: the membership and the officer grant that addMembers gave
 * them there, together. False when they were not its learner.
 */
export async function removeLearner(trx: Trx, cohortId: string, personId: string): Promise<boolean> {
  const left = await trx.deleteFrom("cohort_members").where("cohort_id", "=", cohortId).where("person_id", "=", personId).where("role", "=", "officer").executeTakeFirst();
  if (left.numDeletedRows === 0n) return false;
  await trx.deleteFrom("role_grants").where("person_id", "=", personId).where("role", "=", "officer").where("cohort_id", "=", cohortId).execute();
  return true;
}

/**
 * Ends someone's place as a cohort's facilitator (their grant is revoked by the caller). Someone
 * who is also an officer of the cohort (an officer grant on it) goes back to being its learner,
 * progress kept; anyone else leaves the cohort. False when they were not its facilitator.
 */
export async function endFacilitatorMembership(trx: Trx, cohortId: string, personId: string): Promise<boolean> {
  const membership = trx.selectFrom("cohort_members").select("person_id").where("cohort_id", "=", cohortId).where("person_id", "=", personId).where("role", "=", "facilitator");
  if (!(await membership.executeTakeFirst())) return false;
  const learner = await trx.selectFrom("role_grants").select("id").where("person_id", "=", personId).where("role", "=", "officer").where("cohort_id", "=", cohortId).executeTakeFirst();
  if (learner) {
    await trx.updateTable("cohort_members").set({ role: "officer" }).where("cohort_id", "=", cohortId).where("person_id", "=", personId).execute();
  } else {
    await trx.deleteFrom("cohort_members").where("cohort_id", "=", cohortId).where("person_id", "=", personId).execute();
  }
  return true;
}
