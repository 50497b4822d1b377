import type { LoaderFunctionArgs } from "@remix-run/node";
import { learnerBatches } from "../models/reports/learners.server";
import { learnerExport } from "../reports/exports.server";
import { exportFormat, reportRequest } from "../reports/report-request.server";

// The learner list as CSV or XLSX, streamed in keyset batches, with the page's filters and scope.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, url, query, locale } = await reportRequest(context, request);
  const format = exportFormat(url);
  return learnerExport(format, context.content, locale, learnerBatches(context.db, context.content, user.scopedGrants, query));
}
