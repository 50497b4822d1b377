import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requirePermission } from "../auth/guards.server";
import { exportPersonData } from "../models/privacy/export.server";
import { personalDataResponse } from "../privacy/archive.server";
import { isUuid } from "../utils/ids";

// A person's data as a ZIP for an admin whose scope reaches them (checked in SQL, audited),
// linked from the admin's person page. Out of scope or unknown: 404.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(context, request, "manage:people");
  const id = params.personId ?? "";
  if (!isUuid(id)) throw notFound();
  const exported = await exportPersonData(context.db, { id: user.id, requestId: context.requestId }, user.scopedGrants, id);
  if (!exported.ok) throw notFound();
  return personalDataResponse(exported);
}
