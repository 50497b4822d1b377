import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { Catalog } from "../../content/model";
import type { ReportFilters } from "../../reports/filters";
import type { Grant } from "../access.server";
import { enrolments, type EnrolmentFilters } from "./enrolments.server";

// Attendance at presentations by experts, for coordinators: per scheduled session, how many of
// its cohort's officers (within scope and filters) attended, by code or marked by the
// facilitator, and how many followed it from the transcript instead. Counted over the same
// enrolments as every other coordinator figure.

export interface SessionAttendanceRow {
  scheduleId: string;
  cohortId: string;
  cohortName: string;
  courseId: string;
  itemId: string;
  startsAt: Date;
  invited: number;
  attended: number;
  byCode: number;
  byFacilitator: number;
  reflections: number;
}

/** The enrolments of cohorts with a scheduled session of their course, one row per enrolment and session. */
function perEnrolment(db: DB, catalog: Catalog, grants: Grant[], filters: EnrolmentFilters) {
  return enrolments(db, catalog, grants, filters)
    .innerJoin("session_schedules", (join) => join.onRef("session_schedules.cohort_id", "=", "cohort_members.cohort_id").onRef("session_schedules.course_id", "=", "cohort_courses.course_id"))
    .leftJoin("session_attendance", (join) => join.onRef("session_attendance.schedule_id", "=", "session_schedules.id").onRef("session_attendance.person_id", "=", "cohort_members.person_id"))
    .leftJoin("session_reflections", (join) =>
      join
        .onRef("session_reflections.person_id", "=", "cohort_members.person_id")
        .onRef("session_reflections.course_id", "=", "session_schedules.course_id")
        .onRef("session_reflections.item_id", "=", "session_schedules.item_id"),
    );
}

export async function sessionAttendance(db: DB, catalog: Catalog, grants: Grant[], filters: Pick<ReportFilters, "cohort" | "course" | "country" | "institution">): Promise<SessionAttendanceRow[]> {
  // Until a session is scheduled there is nothing to count: the overview then skips planning
  // this nine-table join (a few milliseconds of every view, whatever the data).
  if (!(await db.selectFrom("session_schedules").select("id").limit(1).executeTakeFirst())) return [];
  const rows = await perEnrolment(db, catalog, grants, filters)
    .select([
      "session_schedules.id as scheduleId",
      "session_schedules.cohort_id as cohortId",
      "cohorts.name as cohortName",
      "session_schedules.course_id as courseId",
      "session_schedules.item_id as itemId",
      "session_schedules.starts_at as startsAt",
      sql<number>`count(*)`.as("invited"),
      sql<number>`count(session_attendance.person_id)`.as("attended"),
      sql<number>`count(*) filter (where session_attendance.method = 'code')`.as("byCode"),
      sql<number>`count(*) filter (where session_attendance.method = 'facilitator')`.as("byFacilitator"),
      sql<number>`count(session_reflections.person_id)`.as("reflections"),
    ])
    .groupBy(["session_schedules.id", "session_schedules.cohort_id", "cohorts.name", "session_schedules.course_id", "session_schedules.item_id", "session_schedules.starts_at"])
    .orderBy("session_schedules.starts_at")
    .orderBy("cohorts.name")
    .execute();
  return rows.map((r) => ({ ...r, invited: Number(r.invited), attended: Number(r.attended), byCode: Number(r.byCode), byFacilitator: Number(r.byFacilitator), reflections: Number(r.reflections) }));
}

export interface AttendanceLine {
  name: string;
  email: string;
  countryCode: string | null;
  cohortName: string;
  courseId: string;
  itemId: string;
  startsAt: Date;
  method: "code" | "facilitator" | null;
  reflected: boolean;
}

/** One line per officer and scheduled session (the export). */
export async function attendanceLines(db: DB, catalog: Catalog, grants: Grant[], filters: EnrolmentFilters): Promise<AttendanceLine[]> {
  const rows = await perEnrolment(db, catalog, grants, filters)
    .select([
      "people.display_name as name",
      "people.email",
      "people.country_code as countryCode",
      "cohorts.name as cohortName",
      "session_schedules.course_id as courseId",
      "session_schedules.item_id as itemId",
      "session_schedules.starts_at as startsAt",
      "session_attendance.method",
      sql<boolean>`session_reflections.person_id is not null`.as("reflected"),
    ])
    .orderBy("session_schedules.starts_at")
    .orderBy("cohorts.name")
    .orderBy("people.display_name")
    .execute();
  return rows.map((r) => ({ ...r, reflected: Boolean(r.reflected) }));
}
