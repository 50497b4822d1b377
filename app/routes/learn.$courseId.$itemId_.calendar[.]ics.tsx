import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "../auth/guards.server";
import { localeFor } from "../i18n/request-locale.server";
import { serverT } from "../i18n/translations.server";
import { visibleCourse } from "../models/catalog.server";
import { scheduleForLearner } from "../models/sessions/schedule.server";
import { sessionEvent } from "../sessions/calendar-events";
import { icsCalendar } from "../sessions/ics";
import { siteUrl } from "../utils/site-url.server";

// The .ics file of one session as the person's cohort hears it (a resource route: no page).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "learn");
  const found = await visibleCourse(context.db, context.content, user.id, params.courseId ?? "");
  const item = found?.course.items.get(params.itemId ?? "");
  if (!found || !item || item.kind !== "session") throw notFound();
  const live = await scheduleForLearner(context.db, user.id, found.course.id, item.id);
  if (!live) throw notFound();
  const locale = localeFor(request, user);
  const t = serverT(locale);
  const event = sessionEvent(context.content, live.schedule, locale, siteUrl(context.config, request), (name, organisation) => t("session.speaker", { name, organisation }));
  if (!event) throw notFound();
  return new Response(icsCalendar({ name: event.title, events: [event] }), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${item.id}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
