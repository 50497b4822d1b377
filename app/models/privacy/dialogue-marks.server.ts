import type { Trx } from "../../../db/client";
import type { PersonalRecord } from "./kinds";

// What the dialogue spaces recorded around the person, beside what they wrote: the threads they
// follow and when they last read each, the notifications sent to them, and moderation about them
// (mutes, and each decision on their posts or on them). Threads and posts are named by their id
// only, as in the reports: their titles and texts may be other people's. Moderators are not
// named; the reason a moderator gave is about the person's post or about them, and is theirs to
// read, as a post's hidden reason is.

export async function threadMarkRecords(trx: Trx, personId: string): Promise<PersonalRecord<"threadMarks">[]> {
  const rows = await trx
    .selectFrom("dialogue_threads")
    .innerJoin("dialogue_spaces", "dialogue_spaces.id", "dialogue_threads.space_id")
    .leftJoin("dialogue_follows", (join) => join.onRef("dialogue_follows.thread_id", "=", "dialogue_threads.id").on("dialogue_follows.person_id", "=", personId))
    .leftJoin("dialogue_reads", (join) => join.onRef("dialogue_reads.thread_id", "=", "dialogue_threads.id").on("dialogue_reads.person_id", "=", personId))
    .select((eb) => ["dialogue_spaces.title as space", "dialogue_threads.id", eb("dialogue_follows.person_id", "is not", null).as("following"), "dialogue_reads.read_at"])
    .where((eb) => eb.or([eb("dialogue_follows.person_id", "is not", null), eb("dialogue_reads.person_id", "is not", null)]))
    .orderBy("dialogue_threads.created_at")
    .orderBy("dialogue_threads.id")
    .execute();
  return rows.map((r) => ({ space: r.space, threadId: r.id, following: Boolean(r.following), readAt: r.read_at }));
}

export async function notificationRecords(trx: Trx, personId: string): Promise<PersonalRecord<"notifications">[]> {
  const rows = await trx.selectFrom("notifications").select(["kind", "thread_id", "post_id", "created_at", "read_at"]).where("person_id", "=", personId).orderBy("created_at").orderBy("id").execute();
  return rows.map((r) => ({ kind: r.kind, threadId: r.thread_id, postId: r.post_id, createdAt: r.created_at, readAt: r.read_at }));
}

export async function muteRecords(trx: Trx, personId: string): Promise<PersonalRecord<"mutes">[]> {
  const rows = await trx
    .selectFrom("dialogue_mutes")
    .innerJoin("dialogue_spaces", "dialogue_spaces.id", "dialogue_mutes.space_id")
    .select(["dialogue_spaces.title as space", "dialogue_mutes.until", "dialogue_mutes.created_at"])
    .where("dialogue_mutes.person_id", "=", personId)
    .orderBy("dialogue_mutes.created_at")
    .execute();
  return rows.map((r) => ({ space: r.space, until: r.until, createdAt: r.created_at }));
}

/** The space's history lines about the person (what they did as a moderator is in the audit lines). */
export async function moderationRecords(trx: Trx, personId: string): Promise<PersonalRecord<"moderation">[]> {
  const rows = await trx
    .selectFrom("dialogue_moderation_log")
    .innerJoin("dialogue_spaces", "dialogue_spaces.id", "dialogue_moderation_log.space_id")
    .select(["dialogue_moderation_log.at", "dialogue_spaces.title as space", "dialogue_moderation_log.action", "dialogue_moderation_log.thread_id", "dialogue_moderation_log.post_id", "dialogue_moderation_log.reason"])
    .where("dialogue_moderation_log.person_id", "=", personId)
    .orderBy("dialogue_moderation_log.id")
    .execute();
  return rows.map((r) => ({ at: r.at, space: r.space, action: r.action, threadId: r.thread_id, postId: r.post_id, reason: r.reason }));
}
