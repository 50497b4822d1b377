import type { SessionSchedule } from "../../db/types";
import type { Catalog } from "../content/model";
import { pick } from "../content/model";
import type { Locale } from "../i18n/locales";
import type { CalendarDueDate, CalendarEvent } from "./ics";

// What calendar files hold: a cohort's scheduled session as an event, a course's due date as an
// all-day entry. Texts come from the course content, in the person's language.

export function sessionEvent(catalog: Catalog, schedule: SessionSchedule, locale: Locale, siteUrl: string, speakerLine: (name: string, organisation: string) => string): CalendarEvent | null {
  const course = catalog.courses.get(schedule.course_id);
  const item = course?.items.get(schedule.item_id);
  const content = course?.sessions.get(schedule.item_id);
  if (!course || !item || !content) return null;
  const page = `${siteUrl}/learn/${course.id}/${item.id}`;
  const description = [speakerLine(content.speaker.name, pick(content.speaker.organisation, locale)), pick(content.summary, locale), schedule.meeting_url ?? "", page].filter(Boolean).join("\n\n");
  return { uid: `session-${schedule.id}@sendero`, start: schedule.starts_at, minutes: schedule.minutes, title: pick(item.title, locale), description, url: schedule.meeting_url ?? page };
}

export function dueDateEvent(catalog: Catalog, courseId: string, dueOn: string, locale: Locale, siteUrl: string, title: (course: string) => string): CalendarDueDate | null {
  const course = catalog.courses.get(courseId);
  if (!course) return null;
  return { uid: `due-${course.id}-${dueOn}@sendero`, date: dueOn, title: title(pick(course.title, locale)), url: `${siteUrl}/learn/${course.id}` };
}
