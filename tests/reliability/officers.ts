import type { DB } from "../../db/client";
import { createSession } from "../../app/models/session.server";
import { addToCohort, grantRole } from "../../app/models/person.server";

export interface SimulatedOfficer {
  personId: string;
  /** `name=value` of a signed-in session cookie. */
  sessionCookie: string;
}

/**
 * Officers for a run: members of the first cohort that takes the course, each with a session
 * made directly in the database (signing in 200 times from one address would rightly trip the
 * login limit, and argon2 hashing is not what this run measures). They have no password.
 */
export async function createOfficers(db: DB, count: number, courseId: string, runId: string): Promise<SimulatedOfficer[]> {
  const cohort = await db
    .selectFrom("cohort_courses")
    .innerJoin("cohorts", "cohorts.id", "cohort_courses.cohort_id")
    .select("cohorts.id")
    .where("cohort_courses.course_id", "=", courseId)
    .orderBy("cohorts.created_at")
    .executeTakeFirstOrThrow();
  const officers: SimulatedOfficer[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await db
      .insertInto("people")
      .values({ email: `officer-${i}@${runId}.reliability.test`, display_name: `Officer ${i}`, locale: "es", country_code: "MX" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await grantRole(db, id, "officer", { kind: "cohort", id: cohort.id }, null);
    await addToCohort(db, cohort.id, id, "officer");
    const { token } = await createSession(db, id, { idleMs: 3_600_000, maxMs: 3_600_000 }, "reliability run");
    officers.push({ personId: id, sessionCookie: `sendero_session=${token}` });
  }
  return officers;
}
