import type { LoaderFunctionArgs } from "@remix-run/node";
import { grantsFor } from "../models/access.server";
import { notFound, requireUser } from "../auth/guards.server";
import { normaliseCode } from "../certificates/code";
import { certificatePdfFor } from "../certificates/documents.server";
import { viewableCertificate } from "../models/certificate.server";

// The printable certificate, A4 by default or US Letter (?size=letter), for its holder or a
// coordinator whose scope covers them. A revoked certificate is not handed out again.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const code = normaliseCode(params.code ?? "");
  const cert = code ? await viewableCertificate(context.db, user.id, grantsFor(user.grants, "read:progress"), code) : null;
  if (!cert || cert.revoked_at) throw notFound();
  const size = new URL(request.url).searchParams.get("size") === "letter" ? "LETTER" : "A4";
  const pdf = await certificatePdfFor(context, request, cert, size);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="sendero-${cert.code}${size === "LETTER" ? "-letter" : ""}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
