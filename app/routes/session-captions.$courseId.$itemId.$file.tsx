import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guards.server";
import { isLocale } from "../i18n/locales";

// A recording's captions (WebVTT, checked by content:check), as <track> elements load them.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "learn");
  const match = /^([a-z]{2})\.vtt$/.exec(params.file ?? "");
  const locale = match?.[1];
  const text = locale && isLocale(locale) ? context.content.courses.get(params.courseId ?? "")?.sessions.get(params.itemId ?? "")?.captions[locale] : undefined;
  if (!text) throw new Response("Not Found", { status: 404 });
  return new Response(text, { headers: { "Content-Type": "text/vtt; charset=utf-8", "Cache-Control": "private, max-age=3600" } });
}
