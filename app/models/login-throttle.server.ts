import { sql } from "kysely";
import type { DB } from "../../db/client";

export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  lockMs: number;
}

export function throttleKeys(email: string, address: string) {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address}` };
}

/** The moment until which sign-in is refused for any of these keys, or null when it is allowed. */
export async function lockedUntil(db: DB, keys: string[]): Promise<Date | null> {
  const row = await db
    .selectFrom("login_throttles")
    .select((eb) => eb.fn.max("locked_until").as("until"))
    .where("key", "in", keys)
    .where("locked_until", ">", sql<Date>`now()`)
    .executeTakeFirst();
  return row?.until ?? null;
}

/**
 * Counts one failed sign-in against a key. Failures count within a window as long as the lock;
 * reaching the limit locks the key for that long. One atomic statement, so concurrent
 * processes cannot lose a failure.
 */
export async function recordFailure(db: DB, key: string, limit: number, lockMs: number): Promise<Date | null> {
  const lockSeconds = Math.round(lockMs / 1000);
  const window = sql`make_interval(secs => ${lockSeconds})`;
  const row = await db
    .insertInto("login_throttles")
    .values({
      key,
      failures: 1,
      window_started_at: sql`now()`,
      locked_until: limit <= 1 ? sql`now() + ${window}` : null,
    })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql`case when login_throttles.window_started_at < now() - ${window}
                       then 1 else login_throttles.failures + 1 end`,
        window_started_at: sql`case when login_throttles.window_started_at < now() - ${window}
                       then now() else login_throttles.window_started_at end`,
        locked_until: sql`case when (case when login_throttles.window_started_at < now() - ${window}
                       then 1 else login_throttles.failures + 1 end) >= ${limit}
                       then now() + ${window} else login_throttles.locked_until end`,
      }),
    )
    .returning("locked_until")
    .executeTakeFirstOrThrow();
  return row.locked_until && row.locked_until > new Date() ? row.locked_until : null;
}

/** A successful sign-in clears the account's count (the address count keeps running). */
export async function clearFailures(db: DB, key: string): Promise<void> {
  await db.deleteFrom("login_throttles").where("key", "=", key).execute();
}
