import { sql } from "kysely";
import type { DB } from "../../db/client";
import { readUnsubscribeToken, unsubscribeToken, type MailTopic } from "../mail/unsubscribe";
import { audit } from "./audit.server";
import { derivedSecret } from "./issuer-key.server";
import type { Result } from "./result";

export interface MailPreferences {
  reminders: boolean;
  digests: boolean;
}

/** What a person receives; everything is on until they turn it off. */
export async function mailPreferencesOf(db: DB, personId: string): Promise<MailPreferences> {
  const row = await db.selectFrom("mail_preferences").select(["reminders", "digests"]).where("person_id", "=", personId).executeTakeFirst();
  return row ?? { reminders: true, digests: true };
}

export async function saveMailPreferences(db: DB, input: { personId: string; preferences: MailPreferences; requestId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("mail_preferences")
      .values({ person_id: input.personId, ...input.preferences })
      .onConflict((oc) => oc.column("person_id").doUpdateSet({ ...input.preferences, updated_at: sql`now()` }))
      .execute();
    await audit(trx, { actorId: input.personId, action: "mail.preferences", targetType: "person", targetId: input.personId, details: { ...input.preferences }, requestId: input.requestId });
  });
}

/** The key of unsubscribe links (derived from the server's signing key: models/issuer-key). */
const linkSecret = (db: DB) => derivedSecret(db, "mail-unsubscribe-v1");

export async function unsubscribeUrl(db: DB, siteUrl: string, personId: string, topic: MailTopic): Promise<string> {
  return (await unsubscribeLinks(db, siteUrl))(personId, topic);
}

/** A maker of unsubscribe links that reads the key once (for a batch of messages). */
export async function unsubscribeLinks(db: DB, siteUrl: string): Promise<(personId: string, topic: MailTopic) => string> {
  const secret = await linkSecret(db);
  return (personId, topic) => `${siteUrl}/mail/unsubscribe/${unsubscribeToken(secret, personId, topic)}`;
}

/** What a link would turn off, or null when it is not genuine (or its person is gone). */
export async function checkUnsubscribeLink(db: DB, token: string): Promise<MailTopic | null> {
  const read = readUnsubscribeToken(await linkSecret(db), token);
  if (!read) return null;
  const person = await db.selectFrom("people").select("id").where("id", "=", read.personId).executeTakeFirst();
  return person ? read.topic : null;
}

/** Turns a topic off from a link in a message (no sign-in needed); audited as the person. */
export async function unsubscribeByLink(db: DB, token: string, requestId: string): Promise<Result<{ topic: MailTopic }, "invalid">> {
  const read = readUnsubscribeToken(await linkSecret(db), token);
  if (!read) return { ok: false, code: "invalid" };
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom("people").select("id").where("id", "=", read.personId).executeTakeFirst();
    if (!person) return { ok: false, code: "invalid" } as const;
    await trx
      .insertInto("mail_preferences")
      .values({ person_id: read.personId, [read.topic]: false })
      .onConflict((oc) => oc.column("person_id").doUpdateSet({ [read.topic]: false, updated_at: sql`now()` }))
      .execute();
    await audit(trx, { actorId: read.personId, action: "mail.unsubscribed", targetType: "person", targetId: read.personId, details: { topic: read.topic }, requestId });
    return { ok: true, topic: read.topic } as const;
  });
}
