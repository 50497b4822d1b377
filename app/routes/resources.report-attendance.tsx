import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceLines } from "../models/reports/session-attendance.server";
import { attendanceExport } from "../reports/attendance-export.server";
import { exportFormat, reportRequest } from "../reports/report-request.server";

// Attendance at presentations by experts as CSV or XLSX, with the overview's filters and scope.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, url, query, locale } = await reportRequest(context, request);
  const format = exportFormat(url);
  const lines = await attendanceLines(context.db, context.content, user.scopedGrants, query);
  return attendanceExport(format, lines, context.content, locale);
}
