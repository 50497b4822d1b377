import type { Trx } from "../../db/client";
import type { RoleName } from "../../db/types";
import { refused, type Result } from "./result";

export interface NewMember {
  personId: string;
  role: RoleName;
}

/** Why a cohort takes no more members. */
export type MembershipRefusal = "cohort-missing";

/**
 * The one way people join a cohort (invitation, import, an admin's form): every caller goes
 * through here so the cohort's rules (capacity, closed runs) are checked in one place, under a
 * lock on the cohort row so concurrent joins are serialised. Existing members are left as they are.
 */
export async function addMembers(
  trx: Trx,
  cohortId: string,
  members: readonly NewMember[],
): Promise<Result<{ added: number }, MembershipRefusal>> {
  const cohort = await trx.selectFrom("cohorts").select("id").where("id", "=", cohortId).forUpdate().executeTakeFirst();
  if (!cohort) return refused("cohort-missing");
  if (members.length === 0) return { ok: true, added: 0 };
  const inserted = await trx
    .insertInto("cohort_members")
    .values(members.map((m) => ({ cohort_id: cohortId, person_id: m.personId, role: m.role })))
    .onConflict((oc) => oc.columns(["cohort_id", "person_id"]).doNothing())
    .returning("person_id")
    .execute();
  return { ok: true, added: inserted.length };
}
