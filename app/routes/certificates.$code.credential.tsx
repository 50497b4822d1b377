import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "../auth/guards.server";
import { normaliseCode } from "../certificates/code";
import { credentialFor } from "../certificates/documents.server";
import { pick } from "../content/model";
import { viewableCertificate } from "../models/certificate.server";

// The holder's Open Badges 3.0 credential, signed (VC-JWT), to keep in a wallet or hand to
// anyone who wants to check it offline against /issuer/jwks.json. Only for the holder.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(context, request);
  const code = normaliseCode(params.code ?? "");
  const cert = code ? await viewableCertificate(context.db, user.id, [], code) : null;
  if (!cert || cert.revoked_at) throw notFound();
  const course = context.content.courses.get(cert.course_id);
  const jwt = await credentialFor(context, request, cert, cert.email, course ? pick(course.summary, "en") : "");
  return new Response(jwt, {
    headers: {
      "Content-Type": "application/vc+jwt",
      "Content-Disposition": `attachment; filename="sendero-${cert.code}.jwt"`,
      "Cache-Control": "private, no-store",
    },
  });
}
