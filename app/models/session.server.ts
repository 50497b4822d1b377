import { sql } from "kysely";
import type { DB } from "../../db/client";
import { hashToken, newToken } from "../utils/tokens.server";
import { cohortWantsLowData } from "./data-mode.server";

export interface SessionTimeouts {
  idleMs: number;
  maxMs: number;
}

/** Starts a new server-side session; the returned token goes in the cookie, never in the database. */
export async function createSession(
  db: DB,
  personId: string,
  timeouts: SessionTimeouts,
  userAgent: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + timeouts.maxMs);
  await db
    .insertInto("sessions")
    .values({
      id_hash: hashToken(token),
      person_id: personId,
      expires_at: expiresAt,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, expiresAt };
}

// last_seen_at is written at most once a minute, not on every request.
const TOUCH_EVERY_MS = 60_000;

/**
 * The person behind a session token, or null when the session is unknown, revoked, past its
 * absolute limit or idle for too long. Checked in SQL, so every app process agrees.
 */
export async function findSessionPerson(db: DB, token: string, timeouts: SessionTimeouts) {
  const idHash = hashToken(token);
  const idleSeconds = Math.round(timeouts.idleMs / 1000);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("people", "people.id", "sessions.person_id")
    .select([
      "people.id",
      "people.email",
      "people.display_name",
      "people.locale",
      "people.country_code",
      "people.institution_id",
      "people.data_mode",
      "people.time_zone",
      cohortWantsLowData.as("cohort_low_data"),
      "sessions.last_seen_at",
    ])
    .where("sessions.id_hash", "=", idHash)
    .where("sessions.revoked_at", "is", null)
    .where("sessions.expires_at", ">", sql<Date>`now()`)
    .where("sessions.last_seen_at", ">", sql<Date>`now() - make_interval(secs => ${idleSeconds})`)
    .where("people.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
    await db.updateTable("sessions").set({ last_seen_at: sql`now()` }).where("id_hash", "=", idHash).execute();
  }
  const { last_seen_at: _seen, ...person } = row;
  return person;
}

/** Ends one session for good (sign-out). */
export async function revokeSession(db: DB, token: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ revoked_at: sql`now()` })
    .where("id_hash", "=", hashToken(token))
    .where("revoked_at", "is", null)
    .execute();
}

/** Ends every session of a person except, optionally, the one in use (password change). */
export async function revokeOtherSessions(db: DB, personId: string, keepToken?: string): Promise<void> {
  let query = db
    .updateTable("sessions")
    .set({ revoked_at: sql`now()` })
    .where("person_id", "=", personId)
    .where("revoked_at", "is", null);
  if (keepToken) query = query.where("id_hash", "!=", hashToken(keepToken));
  await query.execute();
}
