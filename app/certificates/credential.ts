import { createHash } from "node:crypto";
import { compactVerify, importJWK, SignJWT, type JWK } from "jose";

// Open Badges 3.0 credentials in the W3C Verifiable Credentials 2.0 data model, secured as a
// VC-JWT (VC-JOSE-COSE: the JWT's claims are the credential itself; header typ "vc+jwt"),
// signed with the server's Ed25519 key. Pure functions: keys come in, nothing is stored here,
// so the same code verifies a credential file offline (scripts/verify-credential.ts).

export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

export interface CredentialInput {
  /** The public address of this Sendero (PUBLIC_URL), without a trailing slash. */
  baseUrl: string;
  programme: string;
  code: string;
  holderName: string;
  holderEmail: string;
  /** Random per certificate: the e-mail is only ever shown hashed with it. */
  salt: string;
  courseId: string;
  courseName: string;
  courseSummary: string;
  minutes: number;
  issuedAt: Date;
}

/** sha256 of the identifier with the salt, as Open Badges writes it ("sha256$" + hex). */
export function identityHash(identifier: string, salt: string): string {
  return `sha256$${createHash("sha256").update(identifier.trim().toLowerCase() + salt).digest("hex")}`;
}

export function openBadgeCredential(input: CredentialInput) {
  return {
    "@context": [VC_CONTEXT, OB_CONTEXT],
    id: `${input.baseUrl}/verify/${input.code}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: `${input.baseUrl}/issuer`, type: ["Profile"], name: input.programme, url: input.baseUrl },
    validFrom: input.issuedAt.toISOString(),
    name: input.courseName,
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        // The e-mail only hashed; the name as printed on the certificate, so a verifier can compare.
        { type: "IdentityObject", identityType: "emailAddress", hashed: true, identityHash: identityHash(input.holderEmail, input.salt), salt: input.salt },
        { type: "IdentityObject", identityType: "name", hashed: false, identityHash: input.holderName },
      ],
      achievement: {
        id: `${input.baseUrl}/achievements/${input.courseId}`,
        type: ["Achievement"],
        achievementType: "Certificate",
        name: input.courseName,
        description: input.courseSummary,
        criteria: { narrative: `Completed every required activity of the course "${input.courseName}" in Sendero (about ${Math.round(input.minutes / 60)} hours).` },
      },
    },
  };
}

export type OpenBadgeCredential = ReturnType<typeof openBadgeCredential>;

export async function signCredential(credential: OpenBadgeCredential, key: { kid: string; privateJwk: JWK }): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, "EdDSA");
  return new SignJWT(credential as unknown as Record<string, unknown>)
    .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", cty: "vc", kid: key.kid })
    .sign(privateKey);
}

export type Verification = { valid: true; credential: OpenBadgeCredential; kid: string } | { valid: false; reason: string };

/** Checks a VC-JWT against a set of public keys (the issuer's JWKS), with no network at all. */
export async function verifyCredential(jwt: string, jwks: { keys: JWK[] }): Promise<Verification> {
  const parts = jwt.trim().split(".");
  if (parts.length !== 3) return { valid: false, reason: "not a compact JWT (three dot-separated parts)" };
  let header: { kid?: string; alg?: string; typ?: string };
  try {
    header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8"));
  } catch {
    return { valid: false, reason: "unreadable header" };
  }
  if (header.alg !== "EdDSA" || header.typ !== "vc+jwt") return { valid: false, reason: `unexpected header (alg ${header.alg}, typ ${header.typ})` };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) return { valid: false, reason: `no published key "${header.kid}"` };
  try {
    const { payload } = await compactVerify(jwt.trim(), await importJWK(jwk, "EdDSA"));
    const credential = JSON.parse(new TextDecoder().decode(payload)) as OpenBadgeCredential;
    if (!credential.type?.includes("OpenBadgeCredential")) return { valid: false, reason: "not an OpenBadgeCredential" };
    return { valid: true, credential, kid: header.kid! };
  } catch {
    return { valid: false, reason: "signature does not match: the credential was changed or signed by another key" };
  }
}
