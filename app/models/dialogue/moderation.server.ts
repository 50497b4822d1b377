import type { DB } from "../../../db/client";
import type { PostState } from "../../../db/types";
import type { Catalog } from "../../content/model";
import { nextPostState, nextThreadFlags, type PostEvent, type ThreadEvent } from "../../machines/post-moderation";
import { audit } from "../audit.server";
import { spaceModeratable, spaceReadable, type Viewer } from "./access.server";
import { completeDiscussionOf } from "./discussion.server";
import { announce } from "./posting.server";
import { notify, type NotificationKind } from "../notification.server";

// What facilitators do: decide on held and reported posts, pin and lock threads, mute members.
// Every query finds its post, thread or space through spaceModeratable, so a facilitator of
// another cohort gets "not found". Each decision is one machine event, written with the row's
// version, logged in the space's history and in the audit log, and told to the author.

export type ModerationAction = "approve" | "hide" | "restore" | "dismiss";
export type ModerationCode = "notFound" | "notApplicable" | "stale";
export type ModerationResult = { ok: true; threadId: string; spaceId: string } | { ok: false; code: ModerationCode };

const EVENTS: Record<ModerationAction, PostEvent> = {
  approve: { type: "post.approve" },
  hide: { type: "post.hide" },
  restore: { type: "post.restore" },
  dismiss: { type: "post.dismiss" },
};

const TOLD: Partial<Record<ModerationAction, NotificationKind>> = { approve: "approved", hide: "hidden", restore: "restored" };

interface Actor {
  viewer: Viewer;
  requestId?: string;
}

async function record(
  db: DB,
  actor: Actor,
  entry: { spaceId: string; action: string; threadId?: string; postId?: string; personId?: string; reason?: string | null },
): Promise<void> {
  await db
    .insertInto("dialogue_moderation_log")
    .values({
      space_id: entry.spaceId,
      actor_id: actor.viewer.id,
      action: entry.action,
      thread_id: entry.threadId ?? null,
      post_id: entry.postId ?? null,
      person_id: entry.personId ?? null,
      reason: entry.reason ?? null,
    })
    .execute();
  await audit(db, {
    actorId: actor.viewer.id,
    action: `dialogue.${entry.action}`,
    targetType: entry.postId ? "dialogue_post" : entry.threadId ? "dialogue_thread" : "dialogue_space",
    targetId: entry.postId ?? entry.threadId ?? entry.spaceId,
    details: { spaceId: entry.spaceId, ...(entry.personId ? { personId: entry.personId } : {}), ...(entry.reason ? { reason: entry.reason } : {}) },
    ...(actor.requestId ? { requestId: actor.requestId } : {}),
  });
}

export async function moderatePost(
  db: DB,
  content: Catalog,
  actor: Actor,
  input: { postId: string; action: ModerationAction; reason?: string | null; version?: number | null; threadId?: string },
): Promise<ModerationResult> {
  return db.transaction().execute(async (trx) => {
    const post = await trx
      .selectFrom("dialogue_posts")
      .innerJoin("dialogue_threads", "dialogue_threads.id", "dialogue_posts.thread_id")
      .innerJoin("dialogue_spaces", "dialogue_spaces.id", "dialogue_threads.space_id")
      .select(["dialogue_posts.id", "dialogue_posts.state", "dialogue_posts.version", "dialogue_posts.author_id", "dialogue_posts.published_at", "dialogue_threads.id as thread_id", "dialogue_spaces.id as space_id"])
      .where("dialogue_posts.id", "=", input.postId)
      .$if(Boolean(input.threadId), (q) => q.where("dialogue_posts.thread_id", "=", input.threadId!))
      .where(spaceModeratable(actor.viewer))
      .executeTakeFirst();
    if (!post) return { ok: false as const, code: "notFound" as const };
    if (input.version != null && input.version !== post.version) return { ok: false as const, code: "stale" as const };
    const state = nextPostState(post.state, EVENTS[input.action]);
    if (!state) return { ok: false as const, code: "notApplicable" as const };
    const now = new Date();
    const updated = await trx
      .updateTable("dialogue_posts")
      .set({
        state,
        version: post.version + 1,
        ...(input.action === "hide" ? { hidden_reason: input.reason ?? null } : {}),
        ...(input.action === "restore" ? { hidden_reason: null } : {}),
        ...(input.action === "approve" ? { held_reason: null, safeguarding_hits: null, published_at: post.published_at ?? now } : {}),
      })
      .where("id", "=", post.id)
      .where("version", "=", post.version)
      .returning("id")
      .executeTakeFirst();
    if (!updated) return { ok: false as const, code: "stale" as const };
    // A decision closes the open reports on the post.
    if (input.action === "dismiss" || input.action === "hide") {
      await trx
        .updateTable("dialogue_reports")
        .set({ resolved_at: now, resolved_by: actor.viewer.id, resolution: input.action === "dismiss" ? "dismissed" : "hidden" })
        .where("post_id", "=", post.id)
        .where("resolved_at", "is", null)
        .execute();
    }
    await record(trx, actor, { spaceId: post.space_id, action: `post.${input.action}`, threadId: post.thread_id, postId: post.id, personId: post.author_id, reason: input.reason ?? null });
    const told = TOLD[input.action];
    if (told && post.author_id !== actor.viewer.id) await notify(trx, [post.author_id], { kind: told, threadId: post.thread_id, postId: post.id });
    if (input.action === "approve") {
      await announce(trx, { id: post.id, threadId: post.thread_id, spaceId: post.space_id, authorId: post.author_id, state: state as PostState });
      // An approved post in a course discussion completes the item for its author, with the approval.
      await completeDiscussionOf(trx, content, post.id);
    }
    return { ok: true as const, threadId: post.thread_id, spaceId: post.space_id };
  });
}

const THREAD_EVENTS = { lock: { type: "thread.lock" }, unlock: { type: "thread.unlock" }, pin: { type: "thread.pin" }, unpin: { type: "thread.unpin" } } as const satisfies Record<string, ThreadEvent>;
export type ThreadAction = keyof typeof THREAD_EVENTS;

export async function moderateThread(db: DB, actor: Actor, input: { threadId: string; action: ThreadAction }): Promise<ModerationResult> {
  return db.transaction().execute(async (trx) => {
    const thread = await trx
      .selectFrom("dialogue_threads")
      .innerJoin("dialogue_spaces", "dialogue_spaces.id", "dialogue_threads.space_id")
      .select(["dialogue_threads.id", "dialogue_threads.locked", "dialogue_threads.pinned", "dialogue_threads.version", "dialogue_spaces.id as space_id"])
      .where("dialogue_threads.id", "=", input.threadId)
      .where(spaceModeratable(actor.viewer))
      .executeTakeFirst();
    if (!thread) return { ok: false as const, code: "notFound" as const };
    const flags = nextThreadFlags(thread, THREAD_EVENTS[input.action]);
    if (!flags) return { ok: false as const, code: "notApplicable" as const };
    await trx.updateTable("dialogue_threads").set({ ...flags, version: thread.version + 1 }).where("id", "=", thread.id).where("version", "=", thread.version).execute();
    await record(trx, actor, { spaceId: thread.space_id, action: `thread.${input.action}`, threadId: thread.id });
    return { ok: true as const, threadId: thread.id, spaceId: thread.space_id };
  });
}

/** Mutes a member of the space for some days: they read but cannot write there until then. */
export async function muteMember(db: DB, actor: Actor, input: { spaceId: string; personId: string; days: number; reason: string | null }): Promise<ModerationResult> {
  return db.transaction().execute(async (trx) => {
    const space = await trx.selectFrom("dialogue_spaces").select("id").where("id", "=", input.spaceId).where(spaceModeratable(actor.viewer)).executeTakeFirst();
    if (!space) return { ok: false as const, code: "notFound" as const };
    // Only a member of this space can be muted in it.
    const member = await trx
      .selectFrom("dialogue_spaces")
      .select("id")
      .where("id", "=", space.id)
      .where(spaceReadable({ id: input.personId, isAdmin: false }))
      .executeTakeFirst();
    if (!member || input.personId === actor.viewer.id) return { ok: false as const, code: "notFound" as const };
    const until = new Date(Date.now() + input.days * 86_400_000);
    await trx
      .insertInto("dialogue_mutes")
      .values({ space_id: space.id, person_id: input.personId, until, muted_by: actor.viewer.id })
      .onConflict((oc) => oc.columns(["space_id", "person_id"]).doUpdateSet({ until, muted_by: actor.viewer.id }))
      .execute();
    await record(trx, actor, { spaceId: space.id, action: "member.mute", personId: input.personId, reason: input.reason ?? `${input.days}d` });
    return { ok: true as const, threadId: "", spaceId: space.id };
  });
}

/** An admin opens a regional space spanning several cohorts; their facilitators moderate it together. */
export async function createRegionalSpace(db: DB, actor: Actor, input: { title: string; cohortIds: string[] }): Promise<{ ok: true; spaceId: string } | { ok: false }> {
  return db.transaction().execute(async (trx) => {
    const cohorts = await trx.selectFrom("cohorts").select("id").where("id", "in", input.cohortIds).execute();
    if (cohorts.length !== new Set(input.cohortIds).size) return { ok: false as const };
    const { id } = await trx.insertInto("dialogue_spaces").values({ kind: "regional", title: input.title }).returning("id").executeTakeFirstOrThrow();
    await trx.insertInto("dialogue_space_cohorts").values(cohorts.map((c) => ({ space_id: id, cohort_id: c.id }))).execute();
    await audit(trx, { actorId: actor.viewer.id, action: "dialogue.space.open", targetType: "dialogue_space", targetId: id, details: { title: input.title, cohorts: cohorts.map((c) => c.id) }, ...(actor.requestId ? { requestId: actor.requestId } : {}) });
    return { ok: true as const, spaceId: id };
  });
}

/** The regional spaces, with the names of their cohorts. */
export async function listRegionalSpaces(db: DB) {
  const spaces = await db.selectFrom("dialogue_spaces").select(["id", "title", "created_at"]).where("kind", "=", "regional").orderBy("created_at", "desc").execute();
  const links = spaces.length
    ? await db
        .selectFrom("dialogue_space_cohorts")
        .innerJoin("cohorts", "cohorts.id", "dialogue_space_cohorts.cohort_id")
        .select(["dialogue_space_cohorts.space_id", "cohorts.name"])
        .where("dialogue_space_cohorts.space_id", "in", spaces.map((s) => s.id))
        .orderBy("cohorts.name")
        .execute()
    : [];
  return spaces.map((s) => ({ ...s, cohorts: links.filter((l) => l.space_id === s.id).map((l) => l.name) }));
}

/** A space's settings: how long authors may edit, and how many first posts of a member are held. */
export async function updateSpaceSettings(db: DB, actor: Actor, input: { spaceId: string; editWindowMinutes: number; holdFirstPosts: number }): Promise<ModerationResult> {
  return db.transaction().execute(async (trx) => {
    const space = await trx.selectFrom("dialogue_spaces").select("id").where("id", "=", input.spaceId).where(spaceModeratable(actor.viewer)).executeTakeFirst();
    if (!space) return { ok: false as const, code: "notFound" as const };
    await trx.updateTable("dialogue_spaces").set({ edit_window_minutes: input.editWindowMinutes, hold_first_posts: input.holdFirstPosts }).where("id", "=", space.id).execute();
    await record(trx, actor, { spaceId: space.id, action: "space.settings", reason: `${input.editWindowMinutes} min · ${input.holdFirstPosts}` });
    return { ok: true as const, threadId: "", spaceId: space.id };
  });
}

/**
 * The facilitator's queue: held posts and posts with open reports in the spaces they moderate,
 * oldest first (held since it was written, reported since its first open report).
 */
export async function moderationQueue(db: DB, viewer: Viewer, limit = 50) {
  const rows = await db
    .selectFrom("dialogue_posts")
    .innerJoin("dialogue_threads", "dialogue_threads.id", "dialogue_posts.thread_id")
    .innerJoin("dialogue_spaces", "dialogue_spaces.id", "dialogue_threads.space_id")
    .innerJoin("people", "people.id", "dialogue_posts.author_id")
    .select((eb) => [
      "dialogue_posts.id",
      "dialogue_posts.state",
      "dialogue_posts.version",
      "dialogue_posts.body_html",
      "dialogue_posts.held_reason",
      "dialogue_posts.safeguarding_hits",
      "dialogue_posts.created_at",
      "dialogue_posts.parent_id",
      "dialogue_threads.id as thread_id",
      "dialogue_threads.title as thread_title",
      "dialogue_spaces.id as space_id",
      "dialogue_spaces.title as space_title",
      "dialogue_spaces.kind as space_kind",
      "people.display_name as author_name",
      eb
        .selectFrom("dialogue_reports")
        .select((e) => e.fn.min("dialogue_reports.created_at").as("first"))
        .whereRef("dialogue_reports.post_id", "=", "dialogue_posts.id")
        .where("dialogue_reports.resolved_at", "is", null)
        .as("reported_at"),
      // For context, the post it answers: its parent, or else the thread's opening post.
      eb
        .selectFrom("dialogue_posts as ctx")
        .select("ctx.body_html")
        .where((w) =>
          w.or([
            w("ctx.id", "=", w.ref("dialogue_posts.parent_id")),
            w.and([w("dialogue_posts.parent_id", "is", null), w("ctx.thread_id", "=", w.ref("dialogue_posts.thread_id")), w("ctx.opens_thread", "=", true), w("ctx.id", "!=", w.ref("dialogue_posts.id"))]),
          ]),
        )
        .limit(1)
        .as("parent_html"),
    ])
    .where("dialogue_posts.state", "in", ["held", "reported"])
    .where(spaceModeratable(viewer))
    .orderBy((eb) => eb.fn.coalesce(eb.selectFrom("dialogue_reports").select((e) => e.fn.min("dialogue_reports.created_at").as("f")).whereRef("dialogue_reports.post_id", "=", "dialogue_posts.id").where("dialogue_reports.resolved_at", "is", null), "dialogue_posts.created_at"))
    .orderBy("dialogue_posts.id")
    .limit(limit)
    .execute();
  const reports = rows.length
    ? await db
        .selectFrom("dialogue_reports")
        .innerJoin("people", "people.id", "dialogue_reports.reporter_id")
        .select(["dialogue_reports.post_id", "dialogue_reports.reason", "dialogue_reports.created_at", "people.display_name as reporter_name"])
        .where("dialogue_reports.post_id", "in", rows.map((r) => r.id))
        .where("dialogue_reports.resolved_at", "is", null)
        .orderBy("dialogue_reports.created_at")
        .execute()
    : [];
  return rows.map((r) => ({ ...r, reports: reports.filter((x) => x.post_id === r.id) }));
}

export type QueueItem = Awaited<ReturnType<typeof moderationQueue>>[number];

/** A space's moderation history, newest first, for its facilitators. */
export async function moderationHistory(db: DB, spaceId: string, page: { limit: number; offset: number }) {
  const base = db.selectFrom("dialogue_moderation_log").where("dialogue_moderation_log.space_id", "=", spaceId);
  const rows = await base
    .leftJoin("people as actor", "actor.id", "dialogue_moderation_log.actor_id")
    .leftJoin("people as subject", "subject.id", "dialogue_moderation_log.person_id")
    .leftJoin("dialogue_threads", "dialogue_threads.id", "dialogue_moderation_log.thread_id")
    .select([
      "dialogue_moderation_log.id",
      "dialogue_moderation_log.action",
      "dialogue_moderation_log.reason",
      "dialogue_moderation_log.at",
      "dialogue_moderation_log.thread_id",
      "dialogue_threads.title as thread_title",
      "actor.display_name as actor_name",
      "subject.display_name as subject_name",
    ])
    .orderBy("dialogue_moderation_log.id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
