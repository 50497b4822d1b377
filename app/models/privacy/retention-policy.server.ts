import type { DB } from "../../../db/client";
import { audit, type Actor } from "../audit.server";
import type { RetentionPolicy } from "../../privacy/retention-kinds";

export type { RetentionPolicy };

/** The job applies the policy once a day. */
export const RETENTION_EVERY_MS = 24 * 60 * 60 * 1000;

/** The policy in force (the migration writes its one row). */
export async function retentionPolicy(db: DB): Promise<RetentionPolicy & { updatedAt: Date | null }> {
  const row = await db.selectFrom("retention_policy").selectAll().executeTakeFirst();
  return {
    dialoguePostDays: row?.dialogue_post_days ?? null,
    sessionDays: row?.session_days ?? null,
    auditDays: row?.audit_days ?? null,
    learningEventDays: row?.learning_event_days ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

/** Replaces the policy, audited with the old and new periods. */
export async function saveRetentionPolicy(db: DB, actor: Actor, policy: RetentionPolicy): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await retentionPolicy(trx);
    const values = {
      dialogue_post_days: policy.dialoguePostDays,
      session_days: policy.sessionDays,
      audit_days: policy.auditDays,
      learning_event_days: policy.learningEventDays,
      updated_by: actor.actorId,
      updated_at: new Date(),
    };
    await trx
      .insertInto("retention_policy")
      .values({ id: true, ...values })
      .onConflict((oc) => oc.column("id").doUpdateSet(values))
      .execute();
    const { updatedAt: _, ...old } = before;
    await audit(trx, { actorId: actor.actorId, action: "retention.policy-changed", targetType: "retention", details: { before: old, after: policy }, requestId: actor.requestId });
  });
}

export interface RetentionRun {
  ranAt: Date;
  deleted: RetentionCounts;
}

export interface RetentionCounts {
  threads: number;
  posts: number;
  sessions: number;
  auditEntries: number;
  learningEvents: number;
}

/** The last run of the job, if any. */
export async function lastRetentionRun(db: DB): Promise<RetentionRun | null> {
  const row = await db.selectFrom("retention_runs").select(["ran_at", "deleted"]).orderBy("ran_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
  return row ? { ranAt: row.ran_at, deleted: row.deleted as RetentionCounts } : null;
}

/** When the job runs next: a day after the last run, or now if it never ran or is overdue. */
export function nextRetentionRun(last: RetentionRun | null, now: Date): Date {
  if (!last) return now;
  const next = new Date(last.ranAt.getTime() + RETENTION_EVERY_MS);
  return next < now ? now : next;
}
