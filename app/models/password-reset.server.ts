import { sql } from "kysely";
import type { DB } from "../../db/client";
import { hashToken, newToken } from "../utils/tokens.server";
import { audit } from "./audit.server";
import { enqueueMail } from "./mail-outbox.server";
import { setPassword } from "./person.server";
import { revokeOtherSessions } from "./session.server";

/** An admin-issued, single-use link to set a new password. */
export async function createPasswordReset(
  db: DB,
  personId: string,
  createdBy: string,
  validForMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + validForMs);
  // A new link replaces any earlier one that was not used.
  await db
    .updateTable("password_resets")
    .set({ used_at: sql`now()` })
    .where("person_id", "=", personId)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("password_resets")
    .values({ token_hash: hashToken(token), person_id: personId, created_by: createdBy, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/**
 * An admin issues a new-password link: the link, its audit line and the mail to the person's own
 * address, in their language, are written in one transaction.
 */
export async function issuePasswordReset(
  db: DB,
  input: { personId: string; createdBy: string; validForMs: number; siteUrl: string; requestId: string },
): Promise<{ token: string; mailedTo: string }> {
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom("people").select(["email", "display_name", "locale"]).where("id", "=", input.personId).executeTakeFirstOrThrow();
    const reset = await createPasswordReset(trx, input.personId, input.createdBy, input.validForMs);
    await audit(trx, { actorId: input.createdBy, action: "password.reset-link", targetType: "person", targetId: input.personId, requestId: input.requestId });
    await enqueueMail(trx, {
      kind: "password-reset",
      to: person.email,
      locale: person.locale,
      data: { name: person.display_name, url: `${input.siteUrl}/reset/${reset.token}`, expiresAt: reset.expiresAt },
    });
    return { token: reset.token, mailedTo: person.email };
  });
}

export async function findOpenReset(db: DB, token: string) {
  return db
    .selectFrom("password_resets")
    .innerJoin("people", "people.id", "password_resets.person_id")
    .select(["password_resets.id", "people.display_name", "people.email"])
    .where("password_resets.token_hash", "=", hashToken(token))
    .where("password_resets.used_at", "is", null)
    .where("password_resets.expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
}

/** Uses a reset link once: sets the password and signs the person out everywhere. */
export async function redeemPasswordReset(db: DB, token: string, password: string, requestId?: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const reset = await trx
      .updateTable("password_resets")
      .set({ used_at: sql`now()` })
      .where("token_hash", "=", hashToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", sql<Date>`now()`)
      .returning(["id", "person_id"])
      .executeTakeFirst();
    if (!reset) return false;
    await setPassword(trx, reset.person_id, password);
    await revokeOtherSessions(trx, reset.person_id);
    await audit(trx, {
      actorId: reset.person_id,
      action: "password.reset",
      targetType: "person",
      targetId: reset.person_id,
      ...(requestId ? { requestId } : {}),
    });
    return true;
  });
}
