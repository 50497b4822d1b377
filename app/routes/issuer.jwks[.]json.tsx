import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { issuerKey, publicJwks } from "../models/issuer-key.server";

// The issuer's public keys (JWKS) at a stable address: what a verifier downloads once to check
// credentials offline (see docs/certificates.md).
export async function loader({ context }: LoaderFunctionArgs) {
  await issuerKey(context.db); // made on first use, so the set is never empty
  return json(await publicJwks(context.db), { headers: { "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" } });
}
