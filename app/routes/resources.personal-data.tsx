import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "../auth/guards.server";
import { exportOwnData } from "../models/privacy/export.server";
import { personalDataResponse } from "../privacy/archive.server";

// The signed-in person's own data as a ZIP (issue 21), linked from the account page.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const exported = await exportOwnData(context.db, { id: user.id, requestId: context.requestId });
  if (!exported.ok) throw notFound();
  return personalDataResponse(exported);
}
