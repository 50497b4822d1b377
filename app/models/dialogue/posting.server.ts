import { sql } from "kysely";
import type { DB, Trx } from "../../../db/client";
import type { Catalog } from "../../content/model";
import type { PostState } from "../../../db/types";
import { renderPost } from "../../dialogue/render.server";
import { detectPersonalData } from "../../dialogue/safeguarding";
import { initialPostState, nextPostState } from "../../machines/post-moderation";
import type { Space, StoredHits, Thread } from "./spaces.server";
import { mutedUntil } from "./spaces.server";
import type { Viewer } from "./access.server";
import { completeDiscussionOf } from "./discussion.server";
import { facilitatorsOfSpace, followersOf, notify } from "../notification.server";

// Writing in the dialogue: new threads, replies, edits, deletions and reports. Each function
// takes a space or thread already found for this viewer (so already checked in SQL) and
// answers ok, or a refusal code (app/utils/refusals.ts says how each reads and answers).

export type WriteCode = "muted" | "tooFast" | "locked" | "noSuchPost" | "cannotEdit" | "editWindow" | "stale" | "cannotReport";
export type WriteResult = { ok: true; threadId: string; postId: string; state: PostState } | { ok: false; code: WriteCode; until?: string };

interface Limits {
  postsPerMinute: number;
}

function safeguard(title: string | null, body: string): StoredHits | null {
  const hits: StoredHits = { title: title ? detectPersonalData(title) : [], body: detectPersonalData(body) };
  return hits.title.length || hits.body.length ? hits : null;
}

/** Why the member may not write here now, if they may not. */
async function refusal(db: DB, viewer: Viewer, spaceId: string, limits: Limits, now: Date): Promise<{ code: WriteCode; until?: string } | null> {
  const muted = await mutedUntil(db, spaceId, viewer.id, now);
  if (muted) return { code: "muted", until: muted.toISOString() };
  const recent = await db
    .selectFrom("dialogue_posts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("author_id", "=", viewer.id)
    .where("created_at", ">", new Date(now.getTime() - 60_000))
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= limits.postsPerMinute) return { code: "tooFast" };
  return null;
}

/** Where a new post starts (the rule is the post machine's); the author's earlier posts are counted only when the rule needs them. */
async function initialState(db: DB, authorId: string, space: { id: string; hold_first_posts: number }, hits: StoredHits | null, moderator: boolean) {
  let earlier = 0;
  if (!hits && space.hold_first_posts > 0 && !moderator) {
    const row = await db
      .selectFrom("dialogue_posts")
      .innerJoin("dialogue_threads", "dialogue_threads.id", "dialogue_posts.thread_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("dialogue_threads.space_id", "=", space.id)
      .where("dialogue_posts.author_id", "=", authorId)
      .executeTakeFirstOrThrow();
    earlier = Number(row.n);
  }
  return initialPostState({ personalDataFound: hits !== null, moderator, holdFirstPosts: space.hold_first_posts, earlierPostsInSpace: earlier });
}

/** Tells those concerned about a post that has just become readable, or has just been held. */
export async function announce(db: DB, post: { id: string; threadId: string; spaceId: string; authorId: string; state: PostState }): Promise<void> {
  if (post.state === "published") {
    await notify(db, await followersOf(db, post.threadId, post.authorId), { kind: "reply", threadId: post.threadId, postId: post.id });
    await db.updateTable("dialogue_threads").set({ last_post_at: sql`now()` }).where("id", "=", post.threadId).execute();
  } else if (post.state === "held") {
    const facilitators = (await facilitatorsOfSpace(db, post.spaceId)).filter((id) => id !== post.authorId);
    await notify(db, facilitators, { kind: "queue", threadId: post.threadId, postId: post.id });
  }
}

interface NewPost {
  threadId: string;
  spaceId: string;
  parentId: string | null;
  opensThread: boolean;
  authorId: string;
  body: string;
  hits: StoredHits | null;
  now: Date;
}

/** Writes a new post in the state its rules gave it, makes its author follow the thread and tells those concerned. */
async function insertPost(trx: Trx, post: NewPost & Awaited<ReturnType<typeof initialState>>) {
  const row = await trx
    .insertInto("dialogue_posts")
    .values({
      thread_id: post.threadId,
      parent_id: post.parentId,
      author_id: post.authorId,
      opens_thread: post.opensThread,
      body_source: post.body,
      body_html: renderPost(post.body),
      state: post.state,
      held_reason: post.reason,
      safeguarding_hits: post.hits ? JSON.stringify(post.hits) : null,
      published_at: post.state === "published" ? post.now : null,
      created_at: post.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.insertInto("dialogue_follows").values({ thread_id: post.threadId, person_id: post.authorId }).onConflict((oc) => oc.doNothing()).execute();
  await announce(trx, { id: row.id, threadId: post.threadId, spaceId: post.spaceId, authorId: post.authorId, state: post.state });
  return row;
}

export async function createThread(db: DB, viewer: Viewer, space: Space, input: { title: string; body: string }, limits: Limits, now = new Date()): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    const refused = await refusal(trx, viewer, space.id, limits, now);
    if (refused) return { ok: false as const, ...refused };
    const hits = safeguard(input.title, input.body);
    const start = await initialState(trx, viewer.id, space, hits, space.can_moderate);
    const thread = await trx.insertInto("dialogue_threads").values({ space_id: space.id, author_id: viewer.id, title: input.title }).returning("id").executeTakeFirstOrThrow();
    const post = await insertPost(trx, { threadId: thread.id, spaceId: space.id, parentId: null, opensThread: true, authorId: viewer.id, body: input.body, hits, now, ...start });
    return { ok: true as const, threadId: thread.id, postId: post.id, state: start.state };
  });
}

export async function createReply(db: DB, content: Catalog, viewer: Viewer, thread: Thread, input: { body: string; parentId: string | null }, limits: Limits, now = new Date()): Promise<WriteResult> {
  if (thread.locked && !thread.can_moderate) return { ok: false, code: "locked" };
  return db.transaction().execute(async (trx) => {
    // One level of replies: a reply to a reply joins its parent's replies.
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await trx.selectFrom("dialogue_posts").select(["id", "parent_id"]).where("id", "=", input.parentId).where("thread_id", "=", thread.id).executeTakeFirst();
      if (!parent) return { ok: false as const, code: "noSuchPost" };
      parentId = parent.parent_id ?? parent.id;
    }
    const refused = await refusal(trx, viewer, thread.space_id, limits, now);
    if (refused) return { ok: false as const, ...refused };
    const hits = safeguard(null, input.body);
    const start = await initialState(trx, viewer.id, { id: thread.space_id, hold_first_posts: thread.hold_first_posts }, hits, thread.can_moderate);
    const post = await insertPost(trx, { threadId: thread.id, spaceId: thread.space_id, parentId, opensThread: false, authorId: viewer.id, body: input.body, hits, now, ...start });
    // A published post in a course discussion completes the item for its author, with the post.
    if (start.state === "published") await completeDiscussionOf(trx, content, post.id);
    return { ok: true as const, threadId: thread.id, postId: post.id, state: start.state };
  });
}

/** The viewer's own post in this thread, as stored. */
async function ownPost(db: DB, viewer: Viewer, thread: Thread, postId: string) {
  return db
    .selectFrom("dialogue_posts")
    .selectAll()
    .where("id", "=", postId)
    .where("thread_id", "=", thread.id)
    .where("author_id", "=", viewer.id)
    .executeTakeFirst();
}

/**
 * Edits the author's post within the space's edit window (a held post can always be edited: that
 * is how the author takes personal data out). Safeguarding looks again: personal data holds a
 * published post; a held post stays held until a facilitator approves it.
 */
export async function editPost(
  db: DB,
  viewer: Viewer,
  thread: Thread,
  input: { postId: string; version: number; body: string; title: string | null },
  now = new Date(),
): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    const post = await ownPost(trx, viewer, thread, input.postId);
    if (!post) return { ok: false as const, code: "noSuchPost" };
    if (post.state === "removed" || post.state === "hidden") return { ok: false as const, code: "cannotEdit" };
    const windowEnds = post.created_at.getTime() + thread.edit_window_minutes * 60_000;
    if (post.state !== "held" && now.getTime() > windowEnds) return { ok: false as const, code: "editWindow" };
    if (post.version !== input.version) return { ok: false as const, code: "stale" };
    const title = post.opens_thread && input.title !== null ? input.title : null;
    const hits = safeguard(title, input.body);
    let state: PostState = post.state;
    let heldReason = post.held_reason;
    if (hits) {
      state = nextPostState(post.state, { type: "post.hold" }) ?? post.state;
      heldReason = "safeguarding";
    }
    const updated = await trx
      .updateTable("dialogue_posts")
      .set({
        body_source: input.body,
        body_html: renderPost(input.body),
        state,
        held_reason: heldReason,
        safeguarding_hits: hits ? JSON.stringify(hits) : null,
        // "edited" is shown on posts others have already been able to read.
        edited_at: post.published_at ? now : null,
        version: post.version + 1,
      })
      .where("id", "=", post.id)
      .where("version", "=", post.version)
      .returning("id")
      .executeTakeFirst();
    if (!updated) return { ok: false as const, code: "stale" };
    if (title !== null) await trx.updateTable("dialogue_threads").set({ title }).where("id", "=", thread.id).execute();
    if (state === "held" && post.state !== "held") {
      await announce(trx, { id: post.id, threadId: thread.id, spaceId: thread.space_id, authorId: viewer.id, state });
    }
    return { ok: true as const, threadId: thread.id, postId: post.id, state };
  });
}

/** Deletes the author's own post: its text goes, a "removed" placeholder keeps replies in place. */
export async function deletePost(db: DB, viewer: Viewer, thread: Thread, postId: string): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    const post = await ownPost(trx, viewer, thread, postId);
    if (!post) return { ok: false as const, code: "noSuchPost" };
    const state = nextPostState(post.state, { type: "post.remove" });
    if (!state) return { ok: false as const, code: "cannotEdit" };
    await trx
      .updateTable("dialogue_posts")
      .set({ state, body_source: "", body_html: "", safeguarding_hits: null, version: post.version + 1 })
      .where("id", "=", post.id)
      .where("version", "=", post.version)
      .execute();
    await trx.updateTable("dialogue_reports").set({ resolved_at: new Date(), resolution: "removed" }).where("post_id", "=", post.id).where("resolved_at", "is", null).execute();
    return { ok: true as const, threadId: thread.id, postId: post.id, state };
  });
}

/** A member reports someone else's readable post with a reason; it goes to the facilitators' queue. */
export async function reportPost(db: DB, viewer: Viewer, thread: Thread, input: { postId: string; reason: string }): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    const post = await trx
      .selectFrom("dialogue_posts")
      .select(["id", "state", "author_id", "version"])
      .where("id", "=", input.postId)
      .where("thread_id", "=", thread.id)
      .executeTakeFirst();
    if (!post || post.author_id === viewer.id) return { ok: false as const, code: "noSuchPost" };
    const state = nextPostState(post.state, { type: "post.report" });
    if (!state) return { ok: false as const, code: "cannotReport" };
    const already = await trx.selectFrom("dialogue_reports").select("id").where("post_id", "=", post.id).where("reporter_id", "=", viewer.id).where("resolved_at", "is", null).executeTakeFirst();
    if (!already) await trx.insertInto("dialogue_reports").values({ post_id: post.id, reporter_id: viewer.id, reason: input.reason }).execute();
    await trx.updateTable("dialogue_posts").set({ state, version: post.version + 1 }).where("id", "=", post.id).where("version", "=", post.version).execute();
    if (post.state !== "reported") {
      await notify(trx, await facilitatorsOfSpace(trx, thread.space_id), { kind: "queue", threadId: thread.id, postId: post.id });
    }
    return { ok: true as const, threadId: thread.id, postId: post.id, state };
  });
}
