import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// The one-time token of a lesson page saved for reading offline. It names who may mark which
// lesson done and when the page was saved, signed with a server secret, so that a completion
// queued on the device and sent days later can be trusted for its person, its lesson and a
// time no earlier than the save. The server keeps no state for it until it is used.

/** How long a saved page's token can still backdate a completion. */
export const OFFLINE_TOKEN_MAX_AGE_MS = 30 * 24 * 3_600_000;
// Processes' clocks may differ a little; a token "from the future" beyond this is not genuine.
const CLOCK_SKEW_MS = 5 * 60_000;
const PREFIX = "o1";
const MAX_LENGTH = 600;

export interface OfflineTarget {
  personId: string;
  courseId: string;
  itemId: string;
}

function signature(secret: Buffer, payload: string): string {
  return createHmac("sha256", secret).update(`offline-completion\n${payload}`).digest("base64url");
}

/** A new token for one person's "done, next" form on one lesson; each call gives another. */
export function signOfflineToken(secret: Buffer, target: OfflineTarget, issuedAt: Date): string {
  const payload = Buffer.from(JSON.stringify([target.personId, target.courseId, target.itemId, issuedAt.getTime(), randomBytes(12).toString("base64url")])).toString("base64url");
  return `${PREFIX}.${payload}.${signature(secret, payload)}`;
}

/** What a genuine token says; null for anything altered, made up or malformed. */
export function readOfflineToken(secret: Buffer, token: string): (OfflineTarget & { issuedAt: Date }) | null {
  if (token.length > MAX_LENGTH) return null;
  const [prefix, payload = "", sig = "", ...rest] = token.split(".");
  if (prefix !== PREFIX || rest.length || !payload) return null;
  // Compared as text: base64url has several spellings of one value, and any change must be refused.
  const given = Buffer.from(sig);
  const expected = Buffer.from(signature(secret, payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const fields: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!Array.isArray(fields) || fields.length !== 5) return null;
    const [personId, courseId, itemId, issuedAt] = fields as unknown[];
    if (typeof personId !== "string" || typeof courseId !== "string" || typeof itemId !== "string" || typeof issuedAt !== "number" || !Number.isFinite(issuedAt)) return null;
    return { personId, courseId, itemId, issuedAt: new Date(issuedAt) };
  } catch {
    return null;
  }
}

/**
 * When a token may be used now by this person on this lesson: its issue time; else null
 * (forged, another person's, another lesson's, expired, or from the future).
 */
export function checkOfflineToken(secret: Buffer, token: string, target: OfflineTarget, now: Date): Date | null {
  const read = readOfflineToken(secret, token);
  if (!read || read.personId !== target.personId || read.courseId !== target.courseId || read.itemId !== target.itemId) return null;
  const age = now.getTime() - read.issuedAt.getTime();
  return age > OFFLINE_TOKEN_MAX_AGE_MS || age < -CLOCK_SKEW_MS ? null : read.issuedAt;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * The time a queued completion is recorded at: what the device says (an ISO 8601 time with its
 * offset), never before the page was saved and never after now; null (record it now) when the
 * device says nothing readable.
 */
export function offlineCompletionTime(claimed: string | null, issuedAt: Date, now: Date): Date | null {
  if (!claimed || !ISO_8601.test(claimed)) return null;
  const time = Date.parse(claimed);
  if (Number.isNaN(time)) return null;
  return new Date(Math.min(now.getTime(), Math.max(issuedAt.getTime(), time)));
}
