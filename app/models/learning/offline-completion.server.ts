import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { CompletingCourse } from "../../content/progress-course";
import { checkOfflineToken, offlineCompletionTime, readOfflineToken, signOfflineToken, type OfflineTarget } from "../../learning/offline-token";
import { hashToken } from "../../utils/tokens.server";
import { derivedSecret } from "../issuer-key.server";
import { refusableTransaction } from "../refusable-transaction.server";
import type { Result } from "../result";
import { completeItem } from "./item-progress.server";
import { recordCompletion } from "./record.server";

// Lessons marked done on a device without a connection. The saved page's form carries a signed
// one-time token (app/learning/offline-token.ts); the device queues the form and sends it when
// it is online again, with the time it was marked done. See docs/decisions/017-offline-completions.md.

const tokenSecret = (db: DB) => derivedSecret(db, "offline-completion-v1");

/** The token of a lesson page saved for reading offline (issued now unless told otherwise). */
export async function offlineLessonToken(db: DB, target: OfflineTarget, issuedAt = new Date()): Promise<string> {
  return signOfflineToken(await tokenSecret(db), target, issuedAt);
}

/** A lesson's "done, next" form as a saved page sends it: its token, and when it was marked done. */
export interface OfflineMark {
  token: string;
  /** ISO 8601, as the device recorded it; null when the form was sent at once. */
  completedAt: string | null;
}

/**
 * How the token was taken: "accepted" (completed at the device's time, clamped), "replayed" (this
 * token was accepted before: nothing recorded) or "ignored" (not a valid token for this person and
 * lesson: completed now, as any form is).
 */
export type OfflineCompletionResult = Result<{ newlyCompleted: boolean; courseCompleted: boolean; token: "accepted" | "replayed" | "ignored" }, "locked" | "otherPerson">;

/**
 * Marks a lesson done from a saved page's form. A genuine token of this person and lesson, not
 * older than 30 days, lets the completion carry the device's time, kept between the token's issue
 * and now, and is kept (hashed) in the same transaction, so the same form sent again records
 * nothing. A genuine token of another person is refused (nothing recorded). Any other token is
 * ignored and the lesson is completed now: never lost, never backdated.
 */
export async function recordOfflineCompletion(
  db: DB,
  input: { personId: string; course: CompletingCourse; item: { id: string; kind: string }; mark: OfflineMark },
  now = new Date(),
): Promise<OfflineCompletionResult> {
  const { personId, course, item, mark } = input;
  const secret = await tokenSecret(db);
  // A genuine token of someone else: a queue left on a shared computer, replayed in the next
  // person's session. It is not theirs to complete, so nothing is recorded.
  const read = readOfflineToken(secret, mark.token);
  if (read && read.personId !== personId) return { ok: false, code: "otherPerson" };
  const issuedAt = checkOfflineToken(secret, mark.token, { personId, courseId: course.id, itemId: item.id }, now);
  if (!issuedAt) {
    const done = await recordCompletion(db, personId, course, item.id, item.kind);
    return done.ok ? { ...done, token: "ignored" } : done;
  }
  const at = offlineCompletionTime(mark.completedAt, issuedAt, now);
  // A refusal (the lesson got locked meanwhile) rolls the token back with it: it stays usable.
  return refusableTransaction(db, async (trx) => {
    const first = await trx
      .insertInto("offline_completions")
      .values({ token_hash: hashToken(mark.token), person_id: personId, course_id: course.id, item_id: item.id, completed_at: at ?? sql<Date>`now()` })
      .onConflict((oc) => oc.column("token_hash").doNothing())
      .returning("token_hash")
      .executeTakeFirst();
    if (!first) return { ok: true, newlyCompleted: false, courseCompleted: false, token: "replayed" } as const;
    const done = await completeItem(trx, personId, course, item.id, item.kind, at ?? undefined);
    return done.ok ? { ...done, token: "accepted" as const } : done;
  });
}
