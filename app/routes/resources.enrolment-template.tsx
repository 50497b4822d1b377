import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guards.server";
import { enrolmentTemplate } from "../import/template.server";

// The bulk-enrolment template, `?lang=es|en&format=csv|xlsx`, for those who may import.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(context, request, "manage:cohorts");
  const url = new URL(request.url);
  const language = url.searchParams.get("lang") === "en" ? "en" : "es";
  const format = url.searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const file = await enrolmentTemplate(language, format);
  return new Response(file.body, {
    headers: { "Content-Type": file.type, "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "no-store" },
  });
}
