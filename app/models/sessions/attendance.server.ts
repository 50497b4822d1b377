import type { DB, Trx } from "../../../db/client";
import type { AttendanceMethod, SessionSchedule } from "../../../db/types";
import type { CompletingCourse } from "../../content/progress-course";
import { record } from "../learning/record.server";
import { refused, type Result } from "../result";
import { learnerCohortFor } from "../cohort.server";
import { checkinWindow, normaliseCode, scheduleOf } from "./schedule.server";

// Who attended a cohort's live session: by typing the check-in code the facilitator read out
// (within its window), or marked by the facilitator from the cohort's list. Attending is a
// learning event ("attended") and completes the session item, in the same transaction.

export type CheckinCode = "noSchedule" | "wrongCode" | "notOpenYet" | "closed" | "full" | "locked";

interface SessionItem {
  course: CompletingCourse;
  item: { id: string; kind: string };
}

/** One person attended: the attendance row, its event, and (when the item is open) the item's completion. */
async function attend(trx: Trx, schedule: SessionSchedule, personId: string, method: AttendanceMethod, by: string | null, session: SessionItem) {
  const inserted = await trx
    .insertInto("session_attendance")
    .values({ schedule_id: schedule.id, person_id: personId, method, marked_by: by })
    .onConflict((oc) => oc.columns(["schedule_id", "person_id"]).doNothing())
    .returning("person_id")
    .executeTakeFirst();
  const events = inserted
    ? [{ actorId: personId, verb: "attended", object: { type: "session", id: `${session.course.id}/${session.item.id}` }, result: { method }, context: { course: session.course.id, cohort: schedule.cohort_id } }]
    : [];
  return record(trx, { personId, course: session.course, item: session.item, events, completed: true });
}

/** An officer types the code of their cohort's session. A code of another cohort is simply wrong. */
export async function checkIn(trx: Trx, personId: string, session: SessionItem, typed: string, now = new Date()): Promise<Result<{ newlyCompleted: boolean }, CheckinCode>> {
  const cohortId = await learnerCohortFor(trx, personId, session.course.id);
  const schedule = cohortId ? await scheduleOf(trx, cohortId, session.course.id, session.item.id) : null;
  if (!schedule) return refused("noSchedule");
  if (normaliseCode(typed) !== schedule.checkin_code) return refused("wrongCode");
  const window = checkinWindow(schedule);
  if (now < window.opens) return refused("notOpenYet");
  if (now > window.closes) return refused("closed");
  if (schedule.capacity !== null) {
    // Under the schedule's row lock, so two last check-ins cannot both take the last place.
    await trx.selectFrom("session_schedules").select("id").where("id", "=", schedule.id).forUpdate().execute();
    const taken = await trx.selectFrom("session_attendance").select((eb) => eb.fn.countAll<number>().as("n")).where("schedule_id", "=", schedule.id).where("person_id", "!=", personId).executeTakeFirstOrThrow();
    if (Number(taken.n) >= schedule.capacity) return refused("full");
  }
  const completion = await attend(trx, schedule, personId, "code", null, session);
  if (completion && !completion.ok) return refused("locked");
  return { ok: true, newlyCompleted: completion?.ok ? completion.newlyCompleted : false };
}

export interface RosterEntry {
  personId: string;
  displayName: string;
  countryCode: string | null;
  attended: AttendanceMethod | null;
}

/** The cohort's officers and whether each attended the session (the facilitator's list). */
export async function roster(db: DB, schedule: SessionSchedule): Promise<RosterEntry[]> {
  const rows = await db
    .selectFrom("cohort_members")
    .innerJoin("people", "people.id", "cohort_members.person_id")
    .leftJoin("session_attendance", (join) => join.onRef("session_attendance.person_id", "=", "people.id").on("session_attendance.schedule_id", "=", schedule.id))
    .select(["people.id", "people.display_name", "people.country_code", "session_attendance.method"])
    .where("cohort_members.cohort_id", "=", schedule.cohort_id)
    .where("cohort_members.role", "=", "officer")
    .orderBy("people.display_name")
    .execute();
  return rows.map((r) => ({ personId: r.id, displayName: r.display_name, countryCode: r.country_code, attended: r.method }));
}

/**
 * The facilitator marks attendance after the session has begun: everyone on the list is present
 * except those ticked absent. Marking is additive (an attendance already recorded stays).
 * Answers how many were newly marked.
 */
export async function markAttendance(trx: Trx, schedule: SessionSchedule, absent: ReadonlySet<string>, by: string, session: SessionItem, now = new Date()): Promise<Result<{ marked: number }, "notStarted">> {
  if (now < schedule.starts_at) return refused("notStarted");
  const officers = await trx
    .selectFrom("cohort_members")
    .leftJoin("session_attendance", (join) => join.onRef("session_attendance.person_id", "=", "cohort_members.person_id").on("session_attendance.schedule_id", "=", schedule.id))
    .select("cohort_members.person_id")
    .where("cohort_members.cohort_id", "=", schedule.cohort_id)
    .where("cohort_members.role", "=", "officer")
    .where("session_attendance.person_id", "is", null)
    .execute();
  let marked = 0;
  for (const { person_id } of officers) {
    if (absent.has(person_id)) continue;
    await attend(trx, schedule, person_id, "facilitator", by, session);
    marked += 1;
  }
  return { ok: true, marked };
}

/** A learner who attended while the item was still locked finishes it once it opens. */
export async function completeFromAttendance(trx: Trx, personId: string, session: SessionItem): Promise<Result<{ newlyCompleted: boolean }, "noAttendance" | "locked">> {
  const cohortId = await learnerCohortFor(trx, personId, session.course.id);
  const schedule = cohortId ? await scheduleOf(trx, cohortId, session.course.id, session.item.id) : null;
  const row = schedule ? await trx.selectFrom("session_attendance").select("person_id").where("schedule_id", "=", schedule.id).where("person_id", "=", personId).executeTakeFirst() : null;
  if (!row) return refused("noAttendance");
  const completion = await record(trx, { personId, course: session.course, item: session.item, completed: true });
  if (completion && !completion.ok) return refused("locked");
  return { ok: true, newlyCompleted: completion?.ok ? completion.newlyCompleted : false };
}
