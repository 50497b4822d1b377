import { sql } from "kysely";
import type { DB, Trx } from "../../../db/client";
import { audit } from "../audit.server";
import { lastRetentionRun, RETENTION_EVERY_MS, retentionPolicy, type RetentionCounts } from "./retention-policy.server";

// Applies the retention policy (docs/decisions/018-retention.md): each period that is set
// deletes what is older than it, and the run is recorded with its counts.

const DAY_MS = 24 * 60 * 60 * 1000;
const cutoffOf = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
const count = (rows: readonly { numDeletedRows: bigint }[]) => rows.reduce((n, r) => n + Number(r.numDeletedRows), 0);

/** Dialogue: whole threads whose last post is older than the cutoff (their posts, reports and notifications with them). */
async function deleteOldThreads(trx: Trx, cutoff: Date): Promise<{ threads: number; posts: number }> {
  const old = trx.selectFrom("dialogue_threads").select("id").where("last_post_at", "<", cutoff);
  const posts = await trx.selectFrom("dialogue_posts").select((eb) => eb.fn.countAll<string>().as("n")).where("thread_id", "in", old).executeTakeFirstOrThrow();
  // Replies point at their parent without a cascade: unlinked first, so the posts can go in any order.
  await trx.updateTable("dialogue_posts").set({ parent_id: null }).where("thread_id", "in", old).where("parent_id", "is not", null).execute();
  await trx.deleteFrom("dialogue_posts").where("thread_id", "in", old).execute();
  const threads = await trx.deleteFrom("dialogue_threads").where("last_post_at", "<", cutoff).execute();
  return { threads: count(threads), posts: Number(posts.n) };
}

/** Sign-in sessions that ended (expired or were revoked, whichever came first) before the cutoff. */
async function deleteOldSessions(trx: Trx, cutoff: Date): Promise<number> {
  return count(await trx.deleteFrom("sessions").where(sql<boolean>`least(revoked_at, expires_at) < ${cutoff}`).execute());
}

async function deleteOldAudit(trx: Trx, cutoff: Date): Promise<number> {
  return count(await trx.deleteFrom("audit_log").where("at", "<", cutoff).execute());
}

/**
 * Learning events about a course, of a person whose every cohort with that course is closed and
 * ended before the cutoff (its end date, or the day it was closed when it has none). A person
 * still in an open cohort of the course, or one that ended more recently, keeps all their
 * events of it; events without a course in their context are not touched.
 */
async function deleteOldLearningEvents(trx: Trx, cutoff: Date): Promise<number> {
  const cutoffDate = cutoff.toISOString().slice(0, 10);
  const membership = sql`cohort_members m
    join cohort_courses cc on cc.cohort_id = m.cohort_id
    join cohorts c on c.id = m.cohort_id
    where m.person_id = learning_events.actor_id and cc.course_id = learning_events.context->>'course'`;
  const ended = sql`c.closed_at is not null and (case when c.ends_on is not null then c.ends_on < ${cutoffDate}::date else c.closed_at < ${cutoff} end)`;
  const result = await trx
    .deleteFrom("learning_events")
    .where(sql<boolean>`context->>'course' is not null`)
    .where(sql<boolean>`exists (select 1 from ${membership} and ${ended})`)
    .where(sql<boolean>`not exists (select 1 from ${membership} and not (${ended}))`)
    .execute();
  return count(result);
}

/** Deletes exactly what the policy in force says, and records the run (a row and an audit line). */
export async function applyRetention(trx: Trx, now: Date): Promise<RetentionCounts> {
  const policy = await retentionPolicy(trx);
  const deleted: RetentionCounts = { threads: 0, posts: 0, sessions: 0, auditEntries: 0, learningEvents: 0 };
  if (policy.dialoguePostDays !== null) Object.assign(deleted, await deleteOldThreads(trx, cutoffOf(now, policy.dialoguePostDays)));
  if (policy.sessionDays !== null) deleted.sessions = await deleteOldSessions(trx, cutoffOf(now, policy.sessionDays));
  if (policy.auditDays !== null) deleted.auditEntries = await deleteOldAudit(trx, cutoffOf(now, policy.auditDays));
  if (policy.learningEventDays !== null) deleted.learningEvents = await deleteOldLearningEvents(trx, cutoffOf(now, policy.learningEventDays));
  const { updatedAt: _, ...applied } = policy;
  await trx.insertInto("retention_runs").values({ ran_at: now, policy: JSON.stringify(applied), deleted: JSON.stringify(deleted) }).execute();
  await audit(trx, { actorId: null, action: "retention.applied", targetType: "retention", details: { policy: applied, deleted } });
  return deleted;
}

/**
 * Applies the policy if the last run is a day old (or there is none). The policy row is locked
 * first, so two server processes looking at once run it once.
 */
export async function applyRetentionIfDue(db: DB, now: Date): Promise<RetentionCounts | null> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("retention_policy").select("id").forUpdate().execute();
    const last = await lastRetentionRun(trx);
    if (last && now.getTime() - last.ranAt.getTime() < RETENTION_EVERY_MS) return null;
    return applyRetention(trx, now);
  });
}
