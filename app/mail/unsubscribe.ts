import { createHmac, timingSafeEqual } from "node:crypto";

/** What a person can turn off; invitations and password links cannot be. */
export const MAIL_TOPICS = ["reminders", "digests"] as const;
export type MailTopic = (typeof MAIL_TOPICS)[number];

const isTopic = (value: string): value is MailTopic => (MAIL_TOPICS as readonly string[]).includes(value);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(secret: Buffer, personId: string, topic: MailTopic): Buffer {
  return createHmac("sha256", secret).update(`unsubscribe\n${personId}\n${topic}`).digest();
}

/**
 * The token of a "stop these e-mails" link: who and what, with an HMAC, so the link works without
 * signing in and cannot be changed to stop someone else's mail.
 */
export function unsubscribeToken(secret: Buffer, personId: string, topic: MailTopic): string {
  return `${personId}.${topic}.${signature(secret, personId, topic).toString("base64url")}`;
}

/** The person and topic of a genuine token; null for anything altered or made up. */
export function readUnsubscribeToken(secret: Buffer, token: string): { personId: string; topic: MailTopic } | null {
  const [personId = "", topic = "", sig = "", ...rest] = token.split(".");
  if (rest.length || !UUID.test(personId) || !isTopic(topic)) return null;
  // Compared as text: base64url has several spellings of one value, and any change must be refused.
  const given = Buffer.from(sig);
  const expected = Buffer.from(signature(secret, personId, topic).toString("base64url"));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { personId, topic };
}
