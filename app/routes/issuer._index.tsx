import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { baseUrlOf } from "../certificates/documents.server";

// The issuer profile credentials name as their `issuer.id` (Open Badges 3.0 Profile).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const base = baseUrlOf(context, request);
  return json(
    {
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
      id: `${base}/issuer`,
      type: ["Profile"],
      name: context.config.programmeName,
      url: base,
      publicKeys: `${base}/issuer/jwks.json`,
    },
    { headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" } },
  );
}
