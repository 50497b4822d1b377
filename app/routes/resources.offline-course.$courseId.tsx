import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "../auth/guards.server";
import { offlineCourse } from "../content/offline-course.server";
import { localeFor } from "../i18n/request-locale.server";
import { visibleCourse } from "../models/catalog.server";

// What a device fetches to save a course for reading without a connection (the service worker
// then fetches each page with the Sendero-Offline-Save header): the same guard as the course page.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "learn");
  const found = await visibleCourse(context.db, context.content, user.id, params.courseId ?? "");
  if (!found) throw notFound();
  return json(offlineCourse(found.course, localeFor(request, user)), { headers: { "Cache-Control": "no-store" } });
}
