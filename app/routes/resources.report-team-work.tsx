import type { LoaderFunctionArgs } from "@remix-run/node";
import { teamWork } from "../models/reports/team-work.server";
import { exportFormat, reportRequest } from "../reports/report-request.server";
import { teamWorkExport } from "../reports/team-work-export.server";

// Group work per team as CSV or XLSX, with the overview's filters and scope.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, url, query, locale } = await reportRequest(context, request);
  const format = exportFormat(url);
  const rows = await teamWork(context.db, context.content, user.scopedGrants, query);
  return teamWorkExport(format, rows, context.content, locale);
}
