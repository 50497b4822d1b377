import type { AppLoadContext, SerializeFrom } from "@remix-run/node";
import { segmentsOf, type PersonalDataHit } from "../../dialogue/safeguarding";
import { isFollowing, listPosts, markThreadRead, mutedUntil, POSTS_PER_PAGE, type PostView, type Thread } from "../../models/dialogue/spaces.server";
import type { Viewer } from "../../models/dialogue/access.server";
import { discussionPrompt } from "../../models/dialogue/discussion.server";
import type { Locale } from "../../i18n/locales";

// What the thread page shows a viewer: the page of posts, each with what this viewer may do.

function canEditNow(post: PostView, thread: Thread, now: number): boolean {
  if (!post.mine || post.state === "removed" || post.state === "hidden") return false;
  return post.state === "held" || now <= new Date(post.createdAt).getTime() + thread.edit_window_minutes * 60_000;
}

export async function threadPageData(context: AppLoadContext, viewer: Viewer, thread: Thread, page: { page: number; limit: number; offset: number }, locale: Locale) {
  const { db } = context;
  const { posts, total } = await listPosts(db, viewer, thread, page);
  const lastVisit = await markThreadRead(db, viewer.id, thread.id);
  const now = Date.now();
  const view = posts.map((p) => ({
    ...p,
    // Only the author is shown what to edit out (a facilitator sees the highlighted text in the queue).
    marked:
      p.mine && p.state === "held" && p.hits && p.source !== null
        ? { body: segmentsOf(p.source, p.hits.body as PersonalDataHit[]), title: p.opensThread ? segmentsOf(thread.title, p.hits.title as PersonalDataHit[]) : [] }
        : null,
    isNew: !p.mine && lastVisit !== null && p.publishedAt !== null && new Date(p.publishedAt) > lastVisit,
    canEdit: canEditNow(p, thread, now),
  }));
  const muted = await mutedUntil(db, thread.space_id, viewer.id);
  // A course discussion's thread opens with the item's prompt, in the reader's language.
  const discussion = thread.space_kind === "discussion" ? discussionPrompt(context.content, thread, locale) : null;
  return {
    discussion,
    thread: {
      id: thread.id,
      spaceId: thread.space_id,
      title: discussion?.title ?? thread.title,
      spaceTitle: thread.space_title,
      spaceKind: thread.space_kind,
      locked: thread.locked,
      pinned: thread.pinned,
      canModerate: thread.can_moderate,
    },
    posts: view,
    page: page.page,
    pageSize: POSTS_PER_PAGE,
    total,
    following: await isFollowing(db, viewer.id, thread.id),
    mutedUntil: muted ? muted.toISOString() : null,
    firstVisit: lastVisit === null,
  };
}

export type ThreadPageData = Awaited<ReturnType<typeof threadPageData>>;
/** A post as the page receives it (dates as text). */
export type PostItemData = SerializeFrom<ThreadPageData>["posts"][number];
