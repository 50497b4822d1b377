import { sql } from "kysely";
import type { DB, Trx } from "../../../db/client";
import type { ErasedPosts } from "../../../db/types";
import { peopleInScope, type Grant } from "../access.server";
import { audit, type Actor } from "../audit.server";
import { refused, type Result } from "../result";
import { purgePerson } from "./purge.server";

// Erasure on request (docs/decisions/019-erasure.md): an admin asks for it, which blocks the
// account at once (sessions end, sign-in is refused); after the programme's grace period the
// daily job purges the person (./purge.server.ts). Until then the request can be cancelled. An
// admin who has the person's word that no grace is wanted erases at once instead.

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ErasurePolicy {
  graceDays: number;
  posts: ErasedPosts;
}

export type ErasureRefusal = "missing" | "own-account" | "pending" | "erased";
export type CancelRefusal = "missing" | "not-pending";

export interface ErasureState {
  requestedAt: Date;
  purgeAfter: Date;
  purgedAt: Date | null;
}

/** When a request made at `now` is purged, under this policy. */
export function graceEnd(policy: ErasurePolicy, now: Date): Date {
  return new Date(now.getTime() + policy.graceDays * DAY_MS);
}

export async function erasurePolicy(db: DB): Promise<ErasurePolicy> {
  const row = await db
    .selectFrom("erasure_policy")
    .select(["grace_days", "posts"])
    .executeTakeFirst();
  return { graceDays: row?.grace_days ?? 30, posts: row?.posts ?? "keep" };
}

export async function saveErasurePolicy(
  db: DB,
  actor: Actor,
  policy: ErasurePolicy
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await erasurePolicy(trx);
    const values = {
      grace_days: policy.graceDays,
      posts: policy.posts,
      updated_by: actor.actorId,
      updated_at: new Date(),
    };
    await trx
      .insertInto("erasure_policy")
      .values({ id: true, ...values })
      .onConflict((oc) => oc.column("id").doUpdateSet(values))
      .execute();
    await audit(trx, {
      actorId: actor.actorId,
      action: "erasure.policy-changed",
      targetType: "erasure",
      details: { before, after: policy },
      requestId: actor.requestId,
    });
  });
}

/** The request in force for a person (pending or done), if any. */
export async function erasureOf(
  db: DB,
  personId: string
): Promise<ErasureState | null> {
  const row = await db
    .selectFrom("erasure_requests")
    .select(["requested_at", "purge_after", "purged_at"])
    .where("person_id", "=", personId)
    .where("cancelled_at", "is", null)
    .executeTakeFirst();
  return row
    ? {
        requestedAt: row.requested_at,
        purgeAfter: row.purge_after,
        purgedAt: row.purged_at,
      }
    : null;
}

/**
 * Blocks the person's account and schedules their purge after the grace period, or purges them
 * now. Only a person in the admin's scope, never the admin themself.
 */
export async function requestErasure(
  db: DB,
  actor: Actor,
  grants: Grant[],
  personId: string,
  options: { now: Date; immediately: boolean }
): Promise<Result<{ purgeAfter: Date; purged: boolean }, ErasureRefusal>> {
  if (actor.actorId === personId) return refused("own-account");
  return db
    .transaction()
    .execute((trx) => requestIn(trx, actor, grants, personId, options));
}

async function requestIn(
  trx: Trx,
  actor: Actor,
  grants: Grant[],
  personId: string,
  options: { now: Date; immediately: boolean }
): Promise<Result<{ purgeAfter: Date; purged: boolean }, ErasureRefusal>> {
  const person = await trx
    .selectFrom("people")
    .select(["id", "erased_at"])
    .where("id", "=", personId)
    .where(peopleInScope(grants))
    .forUpdate()
    .executeTakeFirst();
  if (!person) return refused("missing");
  if (person.erased_at) return refused("erased");
  if (await erasureOf(trx, personId)) return refused("pending");
  const policy = await erasurePolicy(trx);
  const purgeAfter = options.immediately ? options.now : graceEnd(policy, options.now);
  await trx
    .updateTable("people")
    .set({ disabled_at: sql`coalesce(disabled_at, ${options.now})` })
    .where("id", "=", personId)
    .execute();
  await trx
    .updateTable("sessions")
    .set({ revoked_at: options.now })
    .where("person_id", "=", personId)
    .where("revoked_at", "is", null)
    .execute();
  const request = await trx
    .insertInto("erasure_requests")
    .values({
      person_id: personId,
      requested_by: actor.actorId,
      requested_at: options.now,
      purge_after: purgeAfter,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await audit(trx, {
    actorId: actor.actorId,
    action: "person.erasure-requested",
    targetType: "person",
    targetId: personId,
    details: {
      purgeAfter: purgeAfter.toISOString(),
      immediately: options.immediately,
    },
    requestId: actor.requestId,
  });
  if (options.immediately)
    await purge(trx, request.id, personId, policy.posts, options.now, actor);
  return { ok: true, purgeAfter, purged: options.immediately };
}

/** Cancels a pending request. The account stays blocked until an admin reactivates it. */
export async function cancelErasure(
  db: DB,
  actor: Actor,
  grants: Grant[],
  personId: string
): Promise<Result<object, CancelRefusal>> {
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom("people")
      .select("id")
      .where("id", "=", personId)
      .where(peopleInScope(grants))
      .executeTakeFirst();
    if (!person) return refused("missing");
    const cancelled = await trx
      .updateTable("erasure_requests")
      .set({ cancelled_at: sql`now()`, cancelled_by: actor.actorId })
      .where("person_id", "=", personId)
      .where("cancelled_at", "is", null)
      .where("purged_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!cancelled) return refused("not-pending");
    await audit(trx, {
      actorId: actor.actorId,
      action: "person.erasure-cancelled",
      targetType: "person",
      targetId: personId,
      requestId: actor.requestId,
    });
    return { ok: true };
  });
}

async function purge(
  trx: Trx,
  requestId: string,
  personId: string,
  posts: ErasedPosts,
  now: Date,
  actor: Actor | null
): Promise<void> {
  const pseudonym = await purgePerson(trx, personId, posts, now);
  await trx
    .updateTable("erasure_requests")
    .set({ purged_at: now })
    .where("id", "=", requestId)
    .execute();
  await audit(trx, {
    actorId: actor?.actorId ?? null,
    action: "person.erased",
    targetType: "person",
    targetId: personId,
    details: { pseudonym, posts },
    requestId: actor?.requestId,
  });
}

/** Purges every person whose grace period is over (the daily job). Answers how many. */
export async function purgeDueErasures(trx: Trx, now: Date): Promise<number> {
  const due = await trx
    .selectFrom("erasure_requests")
    .select(["id", "person_id"])
    .where("cancelled_at", "is", null)
    .where("purged_at", "is", null)
    .where("purge_after", "<=", now)
    .orderBy("purge_after")
    .forUpdate()
    .skipLocked()
    .execute();
  if (!due.length) return 0;
  const { posts } = await erasurePolicy(trx);
  for (const request of due)
    await purge(trx, request.id, request.person_id, posts, now, null);
  return due.length;
}
