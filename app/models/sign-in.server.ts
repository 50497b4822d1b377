import type { DB } from "../../db/client";
import { clearFailures, lockedUntil, recordFailure, throttleKeys, type ThrottleLimits } from "./login-throttle.server";
import { findPersonByEmail } from "./person.server";
import { verifyPassword } from "./password.server";
import { createSession, type SessionTimeouts } from "./session.server";

export type SignInResult =
  | { ok: true; personId: string; token: string; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

export interface SignInAttempt {
  email: string;
  password: string;
  address: string;
  userAgent: string | null;
}

/**
 * Checks a password and opens a new session. Refused while the account or the address is
 * locked, even with the right password; each failure counts against both.
 */
export async function signIn(
  db: DB,
  attempt: SignInAttempt,
  limits: ThrottleLimits,
  timeouts: SessionTimeouts,
): Promise<SignInResult> {
  const keys = throttleKeys(attempt.email, attempt.address);
  const locked = await lockedUntil(db, [keys.account, keys.address]);
  if (locked) return { ok: false, reason: "locked", until: locked };

  const person = await findPersonByEmail(db, attempt.email);
  const valid = await verifyPassword(person?.password_hash ?? undefined, attempt.password);
  if (!person || !valid || person.disabled_at) {
    const accountLock = await recordFailure(db, keys.account, limits.maxFailuresPerAccount, limits.lockMs);
    const addressLock = await recordFailure(db, keys.address, limits.maxFailuresPerAddress, limits.lockMs);
    const until = [accountLock, addressLock].filter((d): d is Date => d !== null).sort((a, b) => +b - +a)[0];
    return until ? { ok: false, reason: "locked", until } : { ok: false, reason: "invalid" };
  }

  await clearFailures(db, keys.account);
  const session = await createSession(db, person.id, timeouts, attempt.userAgent);
  return { ok: true, personId: person.id, ...session };
}
