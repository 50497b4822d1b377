import type { DB } from "../../../db/client";
import type { SessionSchedule } from "../../../db/types";
import type { Catalog } from "../../content/model";
import { pick } from "../../content/model";
import type { Locale } from "../../i18n/locales";
import type { Grant } from "../access.server";
import { cohortsInScope, grantsFor } from "../access.server";

// The facilitator's list of presentations: every session item of the courses their open cohorts
// were given, with the cohort's schedule when there is one.

export interface BoardRow {
  cohortId: string;
  cohortName: string;
  courseId: string;
  courseTitle: string;
  itemId: string;
  title: string;
  speaker: string;
  schedule: Pick<SessionSchedule, "starts_at" | "minutes" | "time_zone"> | null;
  attendees: number;
}

export async function sessionBoard(db: DB, catalog: Catalog, grants: Grant[], locale: Locale, cohortId?: string): Promise<BoardRow[]> {
  let query = db
    .selectFrom("cohorts")
    .innerJoin("cohort_courses", "cohort_courses.cohort_id", "cohorts.id")
    .select(["cohorts.id", "cohorts.name", "cohort_courses.course_id"])
    .where(cohortsInScope(grantsFor(grants, "schedule:sessions")))
    .where("cohorts.closed_at", "is", null)
    .orderBy("cohorts.name")
    .orderBy("cohorts.id");
  if (cohortId) query = query.where("cohorts.id", "=", cohortId);
  const given = await query.execute();
  if (!given.length) return [];
  const schedules = await db
    .selectFrom("session_schedules")
    .select(["cohort_id", "course_id", "item_id", "starts_at", "minutes", "time_zone"])
    .select((eb) => eb.selectFrom("session_attendance").select((e) => e.fn.countAll<number>().as("n")).whereRef("session_attendance.schedule_id", "=", "session_schedules.id").as("attendees"))
    .where("cohort_id", "in", [...new Set(given.map((g) => g.id))])
    .execute();
  const byKey = new Map(schedules.map((s) => [`${s.cohort_id}/${s.course_id}/${s.item_id}`, s]));
  return given.flatMap((g) => {
    const course = catalog.courses.get(g.course_id);
    if (!course) return [];
    return [...course.sessions.keys()].flatMap((itemId) => {
      const item = course.items.get(itemId);
      const content = course.sessions.get(itemId);
      if (!item || !content) return [];
      const found = byKey.get(`${g.id}/${course.id}/${itemId}`);
      return [
        {
          cohortId: g.id,
          cohortName: g.name,
          courseId: course.id,
          courseTitle: pick(course.title, locale),
          itemId,
          title: pick(item.title, locale),
          speaker: content.speaker.name,
          schedule: found ? { starts_at: found.starts_at, minutes: found.minutes, time_zone: found.time_zone } : null,
          attendees: Number(found?.attendees ?? 0),
        },
      ];
    });
  });
}
