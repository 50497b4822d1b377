import type { DB, Trx } from "../../../db/client";
import type { TeamSubmission } from "../../../db/types";
import { renderPost } from "../../dialogue/render.server";
import { detectPersonalData } from "../../dialogue/safeguarding";
import { refused, type Result } from "../result";

// A team's shared text for one group-task item. Any member saves it; each save names the version
// it was based on, and a save based on an older version is refused with the text now stored,
// so the person sees both and nobody's words are lost. Every saved version is kept.

export const SUBMISSION_MAX_CHARS = 20_000;

export type SaveCode = "conflict" | "tooLong" | "empty" | "personalData" | "submitted";

export interface TaskRef {
  teamId: string;
  courseId: string;
  itemId: string;
}

export async function submissionOf(db: DB | Trx, ref: TaskRef): Promise<TeamSubmission | null> {
  return (await db.selectFrom("team_submissions").selectAll().where("team_id", "=", ref.teamId).where("course_id", "=", ref.courseId).where("item_id", "=", ref.itemId).executeTakeFirst()) ?? null;
}

/**
 * Saves a new version of the team's text. `basedOn` is the version the person's page showed (0:
 * none yet). Locks the row, so two saves at once are taken one after the other and the second
 * is the conflict.
 */
export async function saveSubmission(trx: Trx, ref: TaskRef, personId: string, body: string, basedOn: number): Promise<Result<{ version: number }, SaveCode> & { current?: TeamSubmission | null }> {
  const text = body.replace(/\r\n/g, "\n").trim();
  if (!text) return refused("empty");
  if (text.length > SUBMISSION_MAX_CHARS) return refused("tooLong");
  // As in posts: the work is about practice, never about a person who could be recognised.
  if (detectPersonalData(text).length > 0) return refused("personalData");
  const current = await trx.selectFrom("team_submissions").selectAll().where("team_id", "=", ref.teamId).where("course_id", "=", ref.courseId).where("item_id", "=", ref.itemId).forUpdate().executeTakeFirst();
  if (current && current.status !== "draft") return refused("submitted");
  if ((current?.version ?? 0) !== basedOn) return { ok: false, code: "conflict", current: current ?? null };
  const version = basedOn + 1;
  const html = renderPost(text);
  let submissionId: string;
  if (current) {
    await trx.updateTable("team_submissions").set({ body_source: text, body_html: html, version, updated_by: personId, updated_at: new Date() }).where("id", "=", current.id).execute();
    submissionId = current.id;
  } else {
    // Two first saves at once: the unique constraint lets one in; the other is a conflict.
    const inserted = await trx
      .insertInto("team_submissions")
      .values({ team_id: ref.teamId, course_id: ref.courseId, item_id: ref.itemId, body_source: text, body_html: html, version, updated_by: personId })
      .onConflict((oc) => oc.columns(["team_id", "course_id", "item_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return { ok: false, code: "conflict", current: await submissionOf(trx, ref) };
    submissionId = inserted.id;
  }
  await trx.insertInto("team_submission_revisions").values({ submission_id: submissionId, version, body_source: text, edited_by: personId }).execute();
  return { ok: true, version };
}

/** The team hands its text in: it is read-only from then on, until the facilitator reopens it. */
export async function submitSubmission(trx: Trx, ref: TaskRef, personId: string, version: number): Promise<Result<object, "nothing" | "conflict" | "submitted">> {
  const current = await trx.selectFrom("team_submissions").select(["id", "version", "status"]).where("team_id", "=", ref.teamId).where("course_id", "=", ref.courseId).where("item_id", "=", ref.itemId).forUpdate().executeTakeFirst();
  if (!current) return refused("nothing");
  if (current.status !== "draft") return refused("submitted");
  // Handing in a text the person has not seen would hand in words they never read.
  if (current.version !== version) return refused("conflict");
  await trx.updateTable("team_submissions").set({ status: "submitted", submitted_at: new Date(), submitted_by: personId }).where("id", "=", current.id).execute();
  return { ok: true };
}

/**
 * The facilitator opens a handed-in text again at the team's request, without assessing it (a
 * returned text carries feedback; this does not). Accepted work stays accepted.
 */
export async function reopenSubmission(trx: Trx, task: { cohortId: string; courseId: string; itemId: string }, submissionId: string, version: number): Promise<Result<object, "notSubmitted" | "stale">> {
  // The id comes from a form: it counts only for a team of the facilitator's cohort.
  const current = await trx
    .selectFrom("team_submissions")
    .innerJoin("teams", "teams.id", "team_submissions.team_id")
    .select(["team_submissions.id", "team_submissions.version", "team_submissions.status"])
    .where("team_submissions.id", "=", submissionId)
    .where("teams.cohort_id", "=", task.cohortId)
    .where("team_submissions.course_id", "=", task.courseId)
    .where("team_submissions.item_id", "=", task.itemId)
    .forUpdate("team_submissions")
    .executeTakeFirst();
  if (current?.status !== "submitted") return refused("notSubmitted");
  if (current.version !== version) return refused("stale");
  await trx.updateTable("team_submissions").set({ status: "draft" }).where("id", "=", current.id).execute();
  return { ok: true };
}

/** Every saved version, newest first, with who saved it. */
export async function revisionsOf(db: DB | Trx, submissionId: string) {
  return db
    .selectFrom("team_submission_revisions")
    .leftJoin("people", "people.id", "team_submission_revisions.edited_by")
    .select(["team_submission_revisions.version", "team_submission_revisions.body_source", "team_submission_revisions.created_at", "people.display_name"])
    .where("team_submission_revisions.submission_id", "=", submissionId)
    .orderBy("team_submission_revisions.version", "desc")
    .execute();
}
