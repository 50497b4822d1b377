import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { DB } from "../../../db/client";
import { issuerKey } from "../issuer-key.server";

// A person's calendar feed is read by calendar programs, which cannot sign in: its address
// carries the person's id and an HMAC, so it cannot be changed to read someone else's.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Derived from the server's signing key, as the unsubscribe links' key is, for a purpose of its own. */
async function feedSecret(db: DB): Promise<Buffer> {
  const { privateJwk } = await issuerKey(db);
  return Buffer.from(hkdfSync("sha256", Buffer.from(privateJwk.d ?? "", "base64url"), "sendero", "calendar-feed-v1", 32));
}

const signature = (secret: Buffer, personId: string) => createHmac("sha256", secret).update(`calendar\n${personId}`).digest("base64url");

export async function calendarFeedToken(db: DB, personId: string): Promise<string> {
  return `${personId}.${signature(await feedSecret(db), personId)}`;
}

/** The person of a genuine token; null for anything altered or made up. */
export async function readCalendarFeedToken(db: DB, token: string): Promise<string | null> {
  const [personId = "", sig = "", ...rest] = token.split(".");
  if (rest.length || !UUID.test(personId)) return null;
  const given = Buffer.from(sig);
  const expected = Buffer.from(signature(await feedSecret(db), personId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? personId : null;
}
