import type { DB } from "../../db/client";

// In-app notifications. A row holds a kind and the thread/post it is about; the words are chosen
// when the page is shown, in the reader's language.
export type NotificationKind = "reply" | "approved" | "hidden" | "restored" | "queue";

export async function notify(db: DB, personIds: readonly string[], n: { kind: NotificationKind; threadId: string; postId: string | null }): Promise<void> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return;
  await db
    .insertInto("notifications")
    .values(unique.map((person_id) => ({ person_id, kind: n.kind, thread_id: n.threadId, post_id: n.postId })))
    .execute();
}

/** Facilitators of a space (of any of its cohorts), to tell about new items in their queue. */
export async function facilitatorsOfSpace(db: DB, spaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("dialogue_space_cohorts as sc")
    .innerJoin("cohort_members as cm", "cm.cohort_id", "sc.cohort_id")
    .select("cm.person_id")
    .distinct()
    .where("sc.space_id", "=", spaceId)
    .where("cm.role", "=", "facilitator")
    .execute();
  return rows.map((r) => r.person_id);
}

/** Followers of a thread, except one person (the one who wrote). */
export async function followersOf(db: DB, threadId: string, except: string): Promise<string[]> {
  const rows = await db.selectFrom("dialogue_follows").select("person_id").where("thread_id", "=", threadId).where("person_id", "!=", except).execute();
  return rows.map((r) => r.person_id);
}

export async function unreadNotificationCount(db: DB, personId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("person_id", "=", personId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The person's latest notifications, with the thread they point to. */
export async function listNotifications(db: DB, personId: string, limit = 50) {
  return db
    .selectFrom("notifications")
    .leftJoin("dialogue_threads", "dialogue_threads.id", "notifications.thread_id")
    .select([
      "notifications.id",
      "notifications.kind",
      "notifications.created_at",
      "notifications.read_at",
      "notifications.thread_id",
      "notifications.post_id",
      "dialogue_threads.title as thread_title",
      "dialogue_threads.space_id",
    ])
    .where("notifications.person_id", "=", personId)
    .orderBy("notifications.created_at", "desc")
    .orderBy("notifications.id")
    .limit(limit)
    .execute();
}

/** Marks every notification of the person as read (they have seen the list). */
export async function markNotificationsRead(db: DB, personId: string, now = new Date()): Promise<void> {
  await db.updateTable("notifications").set({ read_at: now }).where("person_id", "=", personId).where("read_at", "is", null).execute();
}
