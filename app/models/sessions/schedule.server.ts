import { randomInt } from "node:crypto";
import type { DB, Trx } from "../../../db/client";
import type { SessionSchedule } from "../../../db/types";
import type { Grant } from "../access.server";
import { cohortsInScope, grantsFor } from "../access.server";
import { learnerCohortFor } from "../cohort.server";
import { refused, type Result } from "../result";

// When and where a cohort hears a session (a presentation by an expert) live. One schedule per
// cohort and session item; it carries the check-in code the facilitator reads out during it.

// No 0/O, 1/I/L: read out over a poor line and typed on a phone.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 6;

/** The check-in window: from a quarter of an hour before the start to half an hour after the end. */
export const CHECKIN_OPENS_BEFORE_MS = 15 * 60_000;
export const CHECKIN_CLOSES_AFTER_MS = 30 * 60_000;

export function checkinWindow(schedule: Pick<SessionSchedule, "starts_at" | "minutes">): { opens: Date; closes: Date } {
  const start = schedule.starts_at.getTime();
  return { opens: new Date(start - CHECKIN_OPENS_BEFORE_MS), closes: new Date(start + schedule.minutes * 60_000 + CHECKIN_CLOSES_AFTER_MS) };
}

export function newCheckinCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** What a person types is compared without case, spaces or dashes. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, "");
}

export interface LearnerSchedule {
  schedule: SessionSchedule;
  cohortName: string;
  /** The cohort's country: its time zone is the default for people who chose none. */
  cohortCountry: string | null;
  attended: boolean;
  /** People who said they will come are not tracked: capacity counts attendances. */
  attendees: number;
}

/** The session's schedule in the learner's cohort, if that cohort has one. */
export async function scheduleForLearner(db: DB | Trx, personId: string, courseId: string, itemId: string): Promise<LearnerSchedule | null> {
  const cohortId = await learnerCohortFor(db, personId, courseId);
  if (!cohortId) return null;
  const row = await db
    .selectFrom("session_schedules")
    .innerJoin("cohorts", "cohorts.id", "session_schedules.cohort_id")
    .selectAll("session_schedules")
    .select(["cohorts.name as cohort_name", "cohorts.country_code as cohort_country"])
    .select((eb) => [
      eb.exists(eb.selectFrom("session_attendance").select("person_id").whereRef("session_attendance.schedule_id", "=", "session_schedules.id").where("session_attendance.person_id", "=", personId)).as("attended"),
      eb.selectFrom("session_attendance").select((e) => e.fn.countAll<number>().as("n")).whereRef("session_attendance.schedule_id", "=", "session_schedules.id").as("attendees"),
    ])
    .where("session_schedules.cohort_id", "=", cohortId)
    .where("session_schedules.course_id", "=", courseId)
    .where("session_schedules.item_id", "=", itemId)
    .executeTakeFirst();
  if (!row) return null;
  const { cohort_name, cohort_country, attended, attendees, ...schedule } = row;
  return { schedule, cohortName: cohort_name, cohortCountry: cohort_country, attended: Boolean(attended), attendees: Number(attendees ?? 0) };
}

/** Every session schedule of the learner's cohorts (their calendar feed). */
export async function schedulesOfLearner(db: DB, personId: string): Promise<SessionSchedule[]> {
  return db
    .selectFrom("session_schedules")
    .innerJoin("cohort_members", "cohort_members.cohort_id", "session_schedules.cohort_id")
    .selectAll("session_schedules")
    .where("cohort_members.person_id", "=", personId)
    .where("cohort_members.role", "=", "officer")
    .orderBy("session_schedules.starts_at")
    .execute();
}

/** The cohorts these grants may schedule sessions for (facilitators: theirs; coordinators: their country's). */
export async function schedulableCohorts(db: DB, grants: Grant[]) {
  return db
    .selectFrom("cohorts")
    .select(["cohorts.id", "cohorts.name", "cohorts.country_code", "cohorts.closed_at"])
    .where(cohortsInScope(grantsFor(grants, "schedule:sessions")))
    .orderBy("cohorts.name")
    .execute();
}

export async function mayScheduleFor(db: DB | Trx, grants: Grant[], cohortId: string): Promise<boolean> {
  const row = await db.selectFrom("cohorts").select("id").where("id", "=", cohortId).where(cohortsInScope(grantsFor(grants, "schedule:sessions"))).executeTakeFirst();
  return Boolean(row);
}

/** The courses a cohort was given (sessions are scheduled for these). */
export async function cohortCourseIds(db: DB | Trx, cohortId: string): Promise<string[]> {
  const rows = await db.selectFrom("cohort_courses").select("course_id").where("cohort_id", "=", cohortId).execute();
  return rows.map((r) => r.course_id);
}

export async function schedulesOfCohort(db: DB | Trx, cohortId: string): Promise<SessionSchedule[]> {
  return db.selectFrom("session_schedules").selectAll().where("cohort_id", "=", cohortId).orderBy("starts_at").execute();
}

export async function scheduleOf(db: DB | Trx, cohortId: string, courseId: string, itemId: string): Promise<SessionSchedule | null> {
  return (await db.selectFrom("session_schedules").selectAll().where("cohort_id", "=", cohortId).where("course_id", "=", courseId).where("item_id", "=", itemId).executeTakeFirst()) ?? null;
}

export interface ScheduleInput {
  cohortId: string;
  courseId: string;
  itemId: string;
  startsAt: Date;
  minutes: number;
  timeZone: string;
  meetingUrl: string | null;
  capacity: number | null;
  by: string;
}

/**
 * Sets (or moves) a cohort's live session. The check-in code is made once and kept when the
 * session is moved, so a code already announced stays valid. Refused for a closed cohort.
 */
export async function saveSchedule(trx: Trx, input: ScheduleInput): Promise<Result<{ schedule: SessionSchedule; created: boolean }, "cohortClosed" | "notFound">> {
  const cohort = await trx.selectFrom("cohorts").select(["id", "closed_at"]).where("id", "=", input.cohortId).forUpdate().executeTakeFirst();
  if (!cohort) return refused("notFound");
  if (cohort.closed_at) return refused("cohortClosed");
  const before = await scheduleOf(trx, input.cohortId, input.courseId, input.itemId);
  const values = { starts_at: input.startsAt, minutes: input.minutes, time_zone: input.timeZone, meeting_url: input.meetingUrl, capacity: input.capacity };
  const schedule = before
    ? await trx.updateTable("session_schedules").set({ ...values, updated_at: new Date() }).where("id", "=", before.id).returningAll().executeTakeFirstOrThrow()
    : await trx
        .insertInto("session_schedules")
        .values({ ...values, cohort_id: input.cohortId, course_id: input.courseId, item_id: input.itemId, checkin_code: newCheckinCode(), created_by: input.by })
        .returningAll()
        .executeTakeFirstOrThrow();
  return { ok: true, schedule, created: !before };
}

/** The live sessions of one course scheduled for the learner's cohorts, soonest first (the course page). */
export async function courseSchedulesOfLearner(db: DB, personId: string, courseId: string) {
  return db
    .selectFrom("session_schedules")
    .innerJoin("cohort_members", "cohort_members.cohort_id", "session_schedules.cohort_id")
    .innerJoin("cohorts", "cohorts.id", "session_schedules.cohort_id")
    .select(["session_schedules.item_id", "session_schedules.starts_at", "session_schedules.minutes", "cohorts.country_code"])
    .where("cohort_members.person_id", "=", personId)
    .where("cohort_members.role", "=", "officer")
    .where("session_schedules.course_id", "=", courseId)
    .orderBy("session_schedules.starts_at")
    .execute();
}
