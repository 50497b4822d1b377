import { calculateJwkThumbprint, exportJWK, generateKeyPair } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { identityHash, openBadgeCredential, signCredential, verifyCredential } from "./credential";

const input = {
  baseUrl: "https://sendero.example.org",
  programme: "Programa regional de formación",
  code: "AB12-CD34-EF56-GH78",
  holderName: "Ana Pérez Núñez",
  holderEmail: "ana@example.org",
  salt: "5f1c6a1e-8d3b-4c1a-9a77-2f6e1b0c9d11",
  courseId: "unaccompanied-children",
  courseName: "Niñas, niños y adolescentes no acompañados",
  courseSummary: "Primer contacto, protección y referencia.",
  minutes: 180,
  issuedAt: new Date("2026-11-23T15:00:00Z"),
};

let key: { kid: string; privateJwk: Awaited<ReturnType<typeof exportJWK>> };
let jwks: { keys: Awaited<ReturnType<typeof exportJWK>>[] };
beforeAll(async () => {
  const pair = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  key = { kid, privateJwk: await exportJWK(pair.privateKey) };
  jwks = { keys: [{ ...publicJwk, kid }] };
});

describe("Open Badges 3.0 credential", () => {
  it("is an OpenBadgeCredential in the VC 2.0 model, with the e-mail only hashed", () => {
    const credential = openBadgeCredential(input);
    expect(credential["@context"][0]).toBe("https://www.w3.org/ns/credentials/v2");
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(credential.validFrom).toBe("2026-11-23T15:00:00.000Z");
    expect(credential.credentialSubject.type).toEqual(["AchievementSubject"]);
    expect(credential.credentialSubject.achievement.criteria.narrative).toContain(input.courseName);
    expect(JSON.stringify(credential)).not.toContain(input.holderEmail);
    expect(credential.credentialSubject.identifier[0]!.identityHash).toBe(identityHash("ANA@example.org ", input.salt));
  });

  it("verifies offline with the published key, and one changed character breaks the signature", async () => {
    const jwt = await signCredential(openBadgeCredential(input), key);
    const ok = await verifyCredential(jwt, jwks);
    expect(ok.valid).toBe(true);
    if (ok.valid) expect(ok.credential.credentialSubject.identifier[1]!.identityHash).toBe("Ana Pérez Núñez");

    // Change one character of the claims (the holder's name) and re-encode nothing else.
    const [header, payload, signature] = jwt.split(".") as [string, string, string];
    const claims = Buffer.from(payload, "base64url").toString("utf8").replace("Ana Pérez", "Ana Pérex");
    const tampered = `${header}.${Buffer.from(claims).toString("base64url")}.${signature}`;
    expect(await verifyCredential(tampered, jwks)).toEqual({ valid: false, reason: expect.stringContaining("signature does not match") });

    // Or one character of the signature itself.
    const flipped = `${header}.${payload}.${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    expect((await verifyCredential(flipped, jwks)).valid).toBe(false);
  });

  it("refuses a credential signed by a key that is not published", async () => {
    const other = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
    const jwt = await signCredential(openBadgeCredential(input), { kid: key.kid, privateJwk: await exportJWK(other.privateKey) });
    expect((await verifyCredential(jwt, jwks)).valid).toBe(false);
    expect(await verifyCredential("not.a-jwt", jwks)).toMatchObject({ valid: false });
  });
});
