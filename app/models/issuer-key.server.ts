import { hkdfSync } from "node:crypto";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import type { DB } from "../../db/client";

/**
 * The server's signing key for credentials: the oldest one stored, made on first use. Two
 * processes racing on the first use may each store one; both stay published, the oldest signs.
 */
export async function issuerKey(db: DB): Promise<{ kid: string; privateJwk: JWK; publicJwk: JWK }> {
  const existing = await oldestKey(db);
  if (existing) return existing;
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  await db
    .insertInto("issuer_keys")
    .values({ kid, public_jwk: JSON.stringify({ ...publicJwk, kid, alg: "EdDSA", use: "sig" }), private_jwk: JSON.stringify({ ...privateJwk, kid }) })
    .onConflict((oc) => oc.column("kid").doNothing())
    .execute();
  return (await oldestKey(db))!;
}

async function oldestKey(db: DB) {
  const row = await db.selectFrom("issuer_keys").select(["kid", "public_jwk", "private_jwk"]).orderBy("created_at").orderBy("kid").limit(1).executeTakeFirst();
  return row ? { kid: row.kid, privateJwk: row.private_jwk as JWK, publicJwk: row.public_jwk as JWK } : null;
}

/** Every public key, as a JSON Web Key Set: what verifiers download once and keep. */
export async function publicJwks(db: DB): Promise<{ keys: JWK[] }> {
  const rows = await db.selectFrom("issuer_keys").select("public_jwk").orderBy("created_at").orderBy("kid").execute();
  return { keys: rows.map((r) => r.public_jwk as JWK) };
}

/**
 * A secret for one purpose (unsubscribe links, offline completion tokens), derived from the
 * signing key: every process derives the same one with no extra setting, and none of them
 * signs credentials. A new purpose takes a new `info`; changing an `info` voids what it signed.
 */
export async function derivedSecret(db: DB, info: string): Promise<Buffer> {
  const { privateJwk } = await issuerKey(db);
  return Buffer.from(hkdfSync("sha256", Buffer.from(privateJwk.d ?? "", "base64url"), "sendero", info, 32));
}
