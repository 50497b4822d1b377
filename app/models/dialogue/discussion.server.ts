import type { DB, Trx } from "../../../db/client";
import type { Catalog, Course, CourseItem } from "../../content/model";
import { pick } from "../../content/model";
import type { Locale } from "../../i18n/locales";
import { completionCourse } from "../../content/progress-course";
import { record } from "../learning/record.server";

// Course items of kind `discussion`: each cohort talks about the item's prompt in a space of its
// own (one per cohort and item) holding one prompt thread. The item is done once the officer has
// a published post in that thread; a held post counts when a facilitator approves it.

/** The cohort a person discusses a course in: one that was given the course, else their first. */
async function cohortFor(db: DB, personId: string, courseId: string): Promise<string | null> {
  const row = await db
    .selectFrom("cohort_members")
    .select("cohort_members.cohort_id")
    .where("cohort_members.person_id", "=", personId)
    .orderBy((eb) =>
      eb
        .case()
        .when(eb.exists(eb.selectFrom("cohort_courses").select("cohort_courses.course_id").whereRef("cohort_courses.cohort_id", "=", "cohort_members.cohort_id").where("cohort_courses.course_id", "=", courseId)))
        .then(0)
        .else(1)
        .end(),
    )
    .orderBy("cohort_members.joined_at")
    .limit(1)
    .executeTakeFirst();
  return row?.cohort_id ?? null;
}

/** The prompt thread of a discussion item for this person's cohort, made the first time it is needed. */
export async function discussionThread(db: DB, personId: string, course: Course, item: CourseItem): Promise<{ spaceId: string; threadId: string } | null> {
  const cohortId = await cohortFor(db, personId, course.id);
  if (!cohortId) return null;
  const key = `discussion:${cohortId}:${course.id}:${item.id}`;
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("dialogue_spaces")
      .values({ kind: "discussion", title: pick(item.title, "es"), key, course_id: course.id, item_id: item.id })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    const space = await trx.selectFrom("dialogue_spaces").select("id").where("key", "=", key).executeTakeFirstOrThrow();
    await trx.insertInto("dialogue_space_cohorts").values({ space_id: space.id, cohort_id: cohortId }).onConflict((oc) => oc.doNothing()).execute();
    const existing = await trx.selectFrom("dialogue_threads").select("id").where("space_id", "=", space.id).where("author_id", "is", null).orderBy("created_at").executeTakeFirst();
    const threadId =
      existing?.id ??
      (await trx.insertInto("dialogue_threads").values({ space_id: space.id, author_id: null, title: pick(item.title, "es"), pinned: true }).returning("id").executeTakeFirstOrThrow()).id;
    return { spaceId: space.id, threadId };
  });
}

/** The prompt of a discussion space's item, in the reader's language, when the content has it. */
export function discussionPrompt(content: Catalog, space: { course_id: string | null; item_id: string | null }, locale: Locale) {
  const item = space.course_id && space.item_id ? content.courses.get(space.course_id)?.items.get(space.item_id) : undefined;
  if (!item?.prompt) return null;
  return { title: pick(item.title, locale), prompt: pick(item.prompt, locale), courseId: space.course_id!, itemId: item.id };
}

/**
 * A post has just become published (written, or approved), in the transaction that published
 * it: when it is in a discussion item's space, the item is done for its author (idempotent, so
 * an approval after a first published post changes nothing).
 */
export async function completeDiscussionOf(trx: Trx, content: Catalog, postId: string): Promise<void> {
  const row = await trx
    .selectFrom("dialogue_posts")
    .innerJoin("dialogue_threads", "dialogue_threads.id", "dialogue_posts.thread_id")
    .innerJoin("dialogue_spaces", "dialogue_spaces.id", "dialogue_threads.space_id")
    .select(["dialogue_posts.author_id", "dialogue_posts.state", "dialogue_spaces.kind", "dialogue_spaces.course_id", "dialogue_spaces.item_id"])
    .where("dialogue_posts.id", "=", postId)
    .executeTakeFirst();
  if (!row || row.kind !== "discussion" || row.state !== "published" || !row.course_id || !row.item_id) return;
  const course = content.courses.get(row.course_id);
  if (!course?.items.has(row.item_id)) return;
  await record(trx, { personId: row.author_id, course: completionCourse(course), item: { id: row.item_id, kind: "discussion" }, completed: true });
}
