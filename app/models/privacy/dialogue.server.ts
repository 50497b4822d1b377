import type { Trx } from "../../../db/client";
import type { PersonalRecord } from "./kinds";

// What the person wrote in the dialogue spaces: every post of theirs in any state (a hidden or
// removed post's text is still theirs), and the reports they filed. A report names the post by
// its id only: the reported text is another person's.

export async function postRecords(trx: Trx, personId: string): Promise<PersonalRecord<"posts">[]> {
  const rows = await trx
    .selectFrom("dialogue_posts")
    .innerJoin("dialogue_threads", "dialogue_threads.id", "dialogue_posts.thread_id")
    .innerJoin("dialogue_spaces", "dialogue_spaces.id", "dialogue_threads.space_id")
    .select([
      "dialogue_posts.id",
      "dialogue_spaces.title as space",
      "dialogue_threads.title as thread",
      "dialogue_posts.opens_thread",
      "dialogue_posts.state",
      "dialogue_posts.body_source",
      "dialogue_posts.created_at",
      "dialogue_posts.published_at",
      "dialogue_posts.edited_at",
      "dialogue_posts.held_reason",
      "dialogue_posts.hidden_reason",
    ])
    .where("dialogue_posts.author_id", "=", personId)
    .orderBy("dialogue_posts.created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    space: r.space,
    thread: r.thread,
    opensThread: r.opens_thread,
    state: r.state,
    body: r.body_source,
    createdAt: r.created_at,
    publishedAt: r.published_at,
    editedAt: r.edited_at,
    heldReason: r.held_reason,
    hiddenReason: r.hidden_reason,
  }));
}

export async function reportRecords(trx: Trx, personId: string): Promise<PersonalRecord<"reports">[]> {
  const rows = await trx
    .selectFrom("dialogue_reports")
    .select(["post_id", "reason", "created_at", "resolved_at", "resolution"])
    .where("reporter_id", "=", personId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({ postId: r.post_id, reason: r.reason, createdAt: r.created_at, resolvedAt: r.resolved_at, resolution: r.resolution }));
}
