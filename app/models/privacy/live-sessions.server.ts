import type { Trx } from "../../../db/client";
import type { PersonalRecord } from "./kinds";

// The person's part in their cohorts' live sessions: each attendance (by the check-in code or
// marked by the facilitator, who is not named) and each reflection they wrote on a talk they
// followed from its transcript. The schedule's check-in code and meeting link are the cohort's.

export async function attendanceRecords(trx: Trx, personId: string): Promise<PersonalRecord<"attendance">[]> {
  const rows = await trx
    .selectFrom("session_attendance")
    .innerJoin("session_schedules", "session_schedules.id", "session_attendance.schedule_id")
    .innerJoin("cohorts", "cohorts.id", "session_schedules.cohort_id")
    .select(["cohorts.name as cohort", "session_schedules.course_id", "session_schedules.item_id", "session_schedules.starts_at", "session_attendance.method", "session_attendance.created_at"])
    .where("session_attendance.person_id", "=", personId)
    .orderBy("session_attendance.created_at")
    .execute();
  return rows.map((r) => ({ cohort: r.cohort, courseId: r.course_id, itemId: r.item_id, sessionStartsAt: r.starts_at, method: r.method, markedAt: r.created_at }));
}

export async function reflectionRecords(trx: Trx, personId: string): Promise<PersonalRecord<"reflections">[]> {
  const rows = await trx.selectFrom("session_reflections").select(["course_id", "item_id", "body", "created_at"]).where("person_id", "=", personId).orderBy("created_at").execute();
  // created_at is set again when the person rewrites the reflection: it is when it was last saved.
  return rows.map((r) => ({ courseId: r.course_id, itemId: r.item_id, body: r.body, savedAt: r.created_at }));
}
