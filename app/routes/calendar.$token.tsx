import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "../i18n/locales";
import { serverT } from "../i18n/translations.server";
import { assignedCourses } from "../models/progress.server";
import { readCalendarFeedToken } from "../models/sessions/calendar-feed.server";
import { schedulesOfLearner } from "../models/sessions/schedule.server";
import { dueDateEvent, sessionEvent } from "../sessions/calendar-events";
import { icsCalendar } from "../sessions/ics";
import { siteUrl } from "../utils/site-url.server";

// A person's calendar feed: every session scheduled for their cohorts and every due date of their
// courses. Calendar programs fetch it without signing in, so the address itself is signed.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const personId = await readCalendarFeedToken(context.db, params.token ?? "");
  const person = personId ? await context.db.selectFrom("people").select(["id", "locale"]).where("id", "=", personId).where("disabled_at", "is", null).executeTakeFirst() : undefined;
  if (!person) throw new Response("Not Found", { status: 404 });
  const locale = isLocale(person.locale) ? person.locale : "es";
  const t = serverT(locale);
  const base = siteUrl(context.config, request);
  const [schedules, assigned] = await Promise.all([schedulesOfLearner(context.db, person.id), assignedCourses(context.db, person.id)]);
  const events = schedules.flatMap((s) => sessionEvent(context.content, s, locale, base, (name, organisation) => t("session.speaker", { name, organisation })) ?? []);
  const dueDates = [...assigned].flatMap(([courseId, dueOn]) => (dueOn ? (dueDateEvent(context.content, courseId, dueOn, locale, base, (course) => t("session.calendar.due", { course })) ?? []) : []));
  return new Response(icsCalendar({ name: t("session.calendar.name"), events, dueDates }), {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store", "Content-Disposition": 'inline; filename="sendero.ics"' },
  });
}
