import type { DB } from "../../db/client";
import type { Grant } from "./access.server";
import { cohortsInScope } from "./access.server";

/** The cohorts a person belongs to, with their role in each and the dates. */
export async function cohortsOfPerson(db: DB, personId: string) {
  return db
    .selectFrom("cohort_members")
    .innerJoin("cohorts", "cohorts.id", "cohort_members.cohort_id")
    .select(["cohorts.id", "cohorts.name", "cohorts.starts_on", "cohorts.ends_on", "cohort_members.role"])
    .where("cohort_members.person_id", "=", personId)
    .orderBy("cohorts.starts_on", "desc")
    .orderBy("cohorts.name")
    .execute();
}

/** Cohorts within reach of these grants (for inviting), by name. */
export async function cohortsForGrants(db: DB, grants: Grant[]) {
  return db
    .selectFrom("cohorts")
    .select(["id", "name", "starts_on", "ends_on"])
    .where(cohortsInScope(grants))
    .orderBy("name")
    .execute();
}
