import type { DB, Trx } from "../../db/client";
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

/**
 * The cohort a learner takes a course with (its sessions, its group tasks): a cohort of theirs
 * given the course (the earliest joined), or none (a course open to all taken outside any cohort).
 */
export async function learnerCohortFor(db: DB | Trx, personId: string, courseId: string): Promise<string | null> {
  const row = await db
    .selectFrom("cohort_members")
    .innerJoin("cohort_courses", "cohort_courses.cohort_id", "cohort_members.cohort_id")
    .select("cohort_members.cohort_id")
    .where("cohort_members.person_id", "=", personId)
    .where("cohort_members.role", "=", "officer")
    .where("cohort_courses.course_id", "=", courseId)
    .orderBy("cohort_members.joined_at")
    .limit(1)
    .executeTakeFirst();
  return row?.cohort_id ?? null;
}
