import { sql, type ExpressionBuilder } from "kysely";
import type { DB } from "../../../db/client";
import type { Database, PostState } from "../../../db/types";
import { canModerateColumn, spaceReadable, type Viewer } from "./access.server";

// Reading the dialogue: spaces, threads and posts a viewer may see. Every query joins the space
// through spaceReadable, so a space of another cohort is simply not found (404), by link or form.

/** Every cohort of this person has its general space (made the first time anyone looks). */
export async function ensureGeneralSpaces(db: DB, personId: string): Promise<void> {
  const missing = await db
    .selectFrom("cohort_members")
    .innerJoin("cohorts", "cohorts.id", "cohort_members.cohort_id")
    .select(["cohorts.id", "cohorts.name"])
    .where("cohort_members.person_id", "=", personId)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("dialogue_spaces").select("dialogue_spaces.id").whereRef("dialogue_spaces.key", "=", sql`'general:' || cohorts.id::text`))),
    )
    .execute();
  for (const cohort of missing) await createGeneralSpace(db, cohort.id, cohort.name);
}

export async function createGeneralSpace(db: DB, cohortId: string, title: string): Promise<string> {
  const inserted = await db
    .insertInto("dialogue_spaces")
    .values({ kind: "general", title, key: `general:${cohortId}` })
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("id")
    .executeTakeFirst();
  const id =
    inserted?.id ??
    (await db.selectFrom("dialogue_spaces").select("id").where("key", "=", `general:${cohortId}`).executeTakeFirstOrThrow()).id;
  await db.insertInto("dialogue_space_cohorts").values({ space_id: id, cohort_id: cohortId }).onConflict((oc) => oc.doNothing()).execute();
  return id;
}

/** Posts a reader of the thread sees the text of (see nextPostState for the life of a post). */
const READABLE_STATES: PostState[] = ["published", "reported"];

/** The spaces this viewer belongs to, with thread counts and how many posts are new to them. */
export async function listSpaces(db: DB, viewer: Viewer) {
  const rows = await db
    .selectFrom("dialogue_spaces")
    .select((eb) => [
      "dialogue_spaces.id",
      "dialogue_spaces.kind",
      "dialogue_spaces.title",
      eb
        .selectFrom("dialogue_threads")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("dialogue_threads.space_id", "=", "dialogue_spaces.id")
        .as("threads"),
      eb
        .selectFrom("dialogue_posts")
        .innerJoin("dialogue_threads", "dialogue_threads.id", "dialogue_posts.thread_id")
        .leftJoin("dialogue_reads", (j) => j.onRef("dialogue_reads.thread_id", "=", "dialogue_threads.id").on("dialogue_reads.person_id", "=", viewer.id))
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("dialogue_threads.space_id", "=", "dialogue_spaces.id")
        .where("dialogue_posts.state", "in", READABLE_STATES)
        .where("dialogue_posts.author_id", "!=", viewer.id)
        .where((e) => e.or([e("dialogue_reads.read_at", "is", null), e("dialogue_posts.published_at", ">", e.ref("dialogue_reads.read_at"))]))
        .as("unread"),
    ])
    .where(spaceReadable(viewer))
    .orderBy("dialogue_spaces.kind")
    .orderBy("dialogue_spaces.title")
    .execute();
  return rows.map((r) => ({ ...r, threads: Number(r.threads ?? 0), unread: Number(r.unread ?? 0) }));
}

/** A space the viewer belongs to, with its settings and whether they moderate it; else undefined. */
export async function findSpace(db: DB, viewer: Viewer, spaceId: string) {
  return db
    .selectFrom("dialogue_spaces")
    .select((eb) => [
      "id",
      "kind",
      "title",
      "edit_window_minutes",
      "hold_first_posts",
      "course_id",
      "item_id",
      canModerateColumn(viewer)(eb),
    ])
    .where("id", "=", spaceId)
    .where(spaceReadable(viewer))
    .executeTakeFirst();
}

export type Space = NonNullable<Awaited<ReturnType<typeof findSpace>>>;

/** Threads of a space, pinned first then by latest post; a thread whose posts are all held is the author's and moderators' only. */
export async function listThreads(db: DB, viewer: Viewer, space: Space, page: { limit: number; offset: number }) {
  const visible = (eb: ExpressionBuilder<Database, "dialogue_threads">) =>
    space.can_moderate
      ? sql<boolean>`true`
      : eb.or([
          eb("dialogue_threads.author_id", "=", viewer.id),
          eb.not(
            eb.exists(
              eb
                .selectFrom("dialogue_posts")
                .select("dialogue_posts.id")
                .whereRef("dialogue_posts.thread_id", "=", "dialogue_threads.id")
                .where("dialogue_posts.opens_thread", "=", true)
                .where("dialogue_posts.state", "=", "held"),
            ),
          ),
        ]);
  const base = db.selectFrom("dialogue_threads").where("dialogue_threads.space_id", "=", space.id).where(visible);
  const rows = await base
    .leftJoin("people", "people.id", "dialogue_threads.author_id")
    .leftJoin("dialogue_reads", (j) => j.onRef("dialogue_reads.thread_id", "=", "dialogue_threads.id").on("dialogue_reads.person_id", "=", viewer.id))
    .select((eb) => [
      "dialogue_threads.id",
      "dialogue_threads.title",
      "dialogue_threads.locked",
      "dialogue_threads.pinned",
      "dialogue_threads.last_post_at",
      // An erased author's pseudonym is not shown: the page says "a removed participant".
      sql<string | null>`case when people.erased_at is null then people.display_name end`.as("author_name"),
      eb
        .selectFrom("dialogue_posts")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("dialogue_posts.thread_id", "=", "dialogue_threads.id")
        .where("dialogue_posts.state", "in", READABLE_STATES)
        .as("posts"),
      eb
        .selectFrom("dialogue_posts")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("dialogue_posts.thread_id", "=", "dialogue_threads.id")
        .where("dialogue_posts.state", "in", READABLE_STATES)
        .where("dialogue_posts.author_id", "!=", viewer.id)
        .where((e) => e.or([e("dialogue_reads.read_at", "is", null), e("dialogue_posts.published_at", ">", e.ref("dialogue_reads.read_at"))]))
        .as("unread"),
    ])
    .orderBy("dialogue_threads.pinned", "desc")
    .orderBy("dialogue_threads.last_post_at", "desc")
    .orderBy("dialogue_threads.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return {
    rows: rows.map((r) => ({ ...r, posts: Number(r.posts ?? 0), unread: Number(r.unread ?? 0) })),
    total: Number(count.n),
  };
}

/** A thread in a space the viewer belongs to, with the space; else undefined. */
export async function findThread(db: DB, viewer: Viewer, threadId: string) {
  const thread = await db
    .selectFrom("dialogue_threads")
    .innerJoin("dialogue_spaces", "dialogue_spaces.id", "dialogue_threads.space_id")
    .select((eb) => [
      "dialogue_threads.id",
      "dialogue_threads.space_id",
      "dialogue_threads.title",
      "dialogue_threads.author_id",
      "dialogue_threads.locked",
      "dialogue_threads.pinned",
      "dialogue_threads.version",
      "dialogue_spaces.title as space_title",
      "dialogue_spaces.kind as space_kind",
      "dialogue_spaces.edit_window_minutes",
      "dialogue_spaces.hold_first_posts",
      "dialogue_spaces.course_id",
      "dialogue_spaces.item_id",
      canModerateColumn(viewer)(eb),
    ])
    .where("dialogue_threads.id", "=", threadId)
    .where(spaceReadable(viewer))
    .executeTakeFirst();
  if (!thread) return undefined;
  // A thread whose opening post is still held is not there for other members.
  if (!thread.can_moderate && thread.author_id !== viewer.id) {
    const opening = await db.selectFrom("dialogue_posts").select("state").where("thread_id", "=", threadId).where("opens_thread", "=", true).executeTakeFirst();
    if (opening?.state === "held") return undefined;
  }
  return thread;
}

export type Thread = NonNullable<Awaited<ReturnType<typeof findThread>>>;

export const POSTS_PER_PAGE = 20;

/**
 * One page of a thread: top-level posts in order with their replies. Others' held posts are left
 * out in SQL; hidden and removed posts stay as placeholders (the author of a hidden post sees
 * its text and the reason; a moderator sees everything).
 */
export async function listPosts(db: DB, viewer: Viewer, thread: Thread, page: { limit: number; offset: number }) {
  const visibleToViewer = (eb: ExpressionBuilder<Database, "dialogue_posts">) =>
    thread.can_moderate ? sql<boolean>`true` : eb.or([eb("dialogue_posts.state", "!=", "held"), eb("dialogue_posts.author_id", "=", viewer.id)]);
  const topLevel = db
    .selectFrom("dialogue_posts")
    .where("dialogue_posts.thread_id", "=", thread.id)
    .where("dialogue_posts.parent_id", "is", null)
    .where(visibleToViewer);
  const tops = await topLevel.select("dialogue_posts.id").orderBy("dialogue_posts.created_at").orderBy("dialogue_posts.id").limit(page.limit).offset(page.offset).execute();
  const total = Number((await topLevel.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const ids = tops.map((t) => t.id);
  if (ids.length === 0) return { posts: [], total };
  const rows = await db
    .selectFrom("dialogue_posts")
    .innerJoin("people", "people.id", "dialogue_posts.author_id")
    .select([
      "dialogue_posts.id",
      "dialogue_posts.parent_id",
      "dialogue_posts.author_id",
      "dialogue_posts.opens_thread",
      "dialogue_posts.state",
      "dialogue_posts.body_source",
      "dialogue_posts.body_html",
      "dialogue_posts.held_reason",
      "dialogue_posts.safeguarding_hits",
      "dialogue_posts.hidden_reason",
      "dialogue_posts.version",
      "dialogue_posts.created_at",
      "dialogue_posts.published_at",
      "dialogue_posts.edited_at",
      sql<string | null>`case when people.erased_at is null then people.display_name end`.as("author_name"),
    ])
    .where("dialogue_posts.thread_id", "=", thread.id)
    .where((eb) => eb.or([eb("dialogue_posts.id", "in", ids), eb("dialogue_posts.parent_id", "in", ids)]))
    .where(visibleToViewer)
    .orderBy("dialogue_posts.created_at")
    .orderBy("dialogue_posts.id")
    .execute();
  const posts = rows.map((p) => {
    const mine = p.author_id === viewer.id;
    // What this viewer may read of the post.
    const showText = p.state !== "removed" && (p.state !== "hidden" || mine || thread.can_moderate) && (p.state !== "held" || mine || thread.can_moderate);
    return {
      id: p.id,
      parentId: p.parent_id,
      opensThread: p.opens_thread,
      authorId: p.author_id,
      authorName: p.author_name,
      mine,
      state: p.state,
      html: showText ? p.body_html : null,
      source: mine && showText ? p.body_source : null,
      heldReason: mine || thread.can_moderate ? p.held_reason : null,
      hits: mine || thread.can_moderate ? (p.safeguarding_hits as StoredHits | null) : null,
      hiddenReason: mine || thread.can_moderate ? p.hidden_reason : null,
      version: p.version,
      createdAt: p.created_at,
      publishedAt: p.published_at,
      editedAt: p.edited_at,
    };
  });
  return { posts, total };
}

export type PostView = Awaited<ReturnType<typeof listPosts>>["posts"][number];

/** Where safeguarding found something: in the title or the body, by character range. */
export interface StoredHits {
  title: { kind: string; start: number; end: number }[];
  body: { kind: string; start: number; end: number }[];
}

/** The page of the thread a post is on, as this viewer sees the thread (replies sit under their post). */
export async function pageOfPost(db: DB, viewer: Viewer, thread: Thread, postId: string): Promise<number> {
  const post = await db.selectFrom("dialogue_posts").select(["id", "parent_id"]).where("id", "=", postId).where("thread_id", "=", thread.id).executeTakeFirst();
  if (!post) return 1;
  const top = await db.selectFrom("dialogue_posts").select(["id", "created_at"]).where("id", "=", post.parent_id ?? post.id).executeTakeFirstOrThrow();
  const before = await db
    .selectFrom("dialogue_posts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("thread_id", "=", thread.id)
    .where("parent_id", "is", null)
    .where((eb) => eb.or([eb("created_at", "<", top.created_at), eb.and([eb("created_at", "=", top.created_at), eb("id", "<", top.id)])]))
    .$if(!thread.can_moderate, (q) => q.where((eb) => eb.or([eb("state", "!=", "held"), eb("author_id", "=", viewer.id)])))
    .executeTakeFirstOrThrow();
  return Math.floor(Number(before.n) / POSTS_PER_PAGE) + 1;
}

/** When the viewer last opened the thread (before this visit), then records this visit; its notifications are seen too. */
export async function markThreadRead(db: DB, personId: string, threadId: string, now = new Date()): Promise<Date | null> {
  const previous = await db.selectFrom("dialogue_reads").select("read_at").where("thread_id", "=", threadId).where("person_id", "=", personId).executeTakeFirst();
  await db.updateTable("notifications").set({ read_at: now }).where("person_id", "=", personId).where("thread_id", "=", threadId).where("kind", "!=", "queue").where("read_at", "is", null).execute();
  await db
    .insertInto("dialogue_reads")
    .values({ thread_id: threadId, person_id: personId, read_at: now })
    .onConflict((oc) => oc.columns(["thread_id", "person_id"]).doUpdateSet({ read_at: now }))
    .execute();
  return previous?.read_at ?? null;
}

export async function isFollowing(db: DB, personId: string, threadId: string): Promise<boolean> {
  return Boolean(await db.selectFrom("dialogue_follows").select("thread_id").where("thread_id", "=", threadId).where("person_id", "=", personId).executeTakeFirst());
}

export async function setFollow(db: DB, personId: string, threadId: string, follow: boolean): Promise<void> {
  if (follow) {
    await db.insertInto("dialogue_follows").values({ thread_id: threadId, person_id: personId }).onConflict((oc) => oc.doNothing()).execute();
  } else {
    await db.deleteFrom("dialogue_follows").where("thread_id", "=", threadId).where("person_id", "=", personId).execute();
  }
}

/** Until when the person is muted in the space, when they are. */
export async function mutedUntil(db: DB, spaceId: string, personId: string, now = new Date()): Promise<Date | null> {
  const row = await db
    .selectFrom("dialogue_mutes")
    .select("until")
    .where("space_id", "=", spaceId)
    .where("person_id", "=", personId)
    .where("until", ">", now)
    .executeTakeFirst();
  return row?.until ?? null;
}
