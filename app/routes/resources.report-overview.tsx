import type { LoaderFunctionArgs } from "@remix-run/node";
import { overview } from "../models/reports/overview.server";
import { overviewExport } from "../reports/exports.server";
import { exportFormat, reportRequest } from "../reports/report-request.server";

// The overview's tables as CSV or XLSX, with the page's filters and scope.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, url, query, locale } = await reportRequest(context, request);
  const format = exportFormat(url);
  const data = await overview(context.db, context.content, user.scopedGrants, query);
  return overviewExport(format, data, context.content, locale);
}
