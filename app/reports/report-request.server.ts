import type { AppLoadContext } from "@remix-run/node";
import { notFound, requirePermission } from "../auth/guards.server";
import { localeFor } from "../i18n/request-locale.server";
import { filterOptions, filtersWithin } from "../models/reports/scope.server";
import { parseListQuery } from "./filters";

/**
 * The start of every coordinator report: the guard, the filters from the URL and the options
 * within the coordinator's scope. A filter naming something outside the scope is a 404, never
 * an empty or someone else's report.
 */
export async function reportRequest(context: AppLoadContext, request: Request) {
  const user = await requirePermission(context, request, "read:progress");
  const url = new URL(request.url);
  const { query, badDates } = parseListQuery(url.searchParams, new Date());
  const options = await filterOptions(context.db, context.content, user.scopedGrants);
  if (!filtersWithin(query, options)) throw notFound();
  return { user, url, query, badDates, options, locale: localeFor(request, user) };
}

export function exportFormat(url: URL): "csv" | "xlsx" {
  const format = url.searchParams.get("format");
  if (format !== "csv" && format !== "xlsx") throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
  return format;
}
