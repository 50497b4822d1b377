import type { DB, Trx } from "../../../db/client";
import type { FeedbackDecision } from "../../../db/types";
import type { GroupTaskContent } from "../../content/model";
import { renderPost } from "../../dialogue/render.server";
import { detectPersonalData } from "../../dialogue/safeguarding";
import { checkRubricScores, rubricMaximum } from "../../teams/rubric";
import { refused, type Result } from "../result";
import { recordTeamStep, type TeamTask } from "./team-completion.server";

// The facilitator's answer to a team's handed-in text: a level for each rubric criterion, a
// written comment, and a decision. Accepted, every member's item completes in the same
// transaction (with peer review, once the team has also written its reviews); returned, the text
// opens again for the team to change and hand in.

export const FEEDBACK_MAX_CHARS = 5_000;

export type FeedbackCode = "notSubmitted" | "stale" | "scores" | "empty" | "tooLong" | "personalData";

export interface TaskItem extends TeamTask {
  /** The facilitator's cohort: a submission id from a form counts only when its team is in it. */
  cohortId: string;
  rubric: GroupTaskContent["rubric"];
}

export interface FeedbackInput {
  submissionId: string;
  /** The version the facilitator read: feedback on a text that changed since would be on other words. */
  version: number;
  scores: Record<string, string | undefined>;
  body: string;
  decision: FeedbackDecision;
  by: string;
}

/** Gives feedback on a handed-in text. Answers whether the team's work is now done, and how many members' items it completed. */
export async function giveFeedback(trx: Trx, task: TaskItem, input: FeedbackInput): Promise<Result<{ done: boolean; completed: number }, FeedbackCode>> {
  const submission = await trx
    .selectFrom("team_submissions")
    .innerJoin("teams", "teams.id", "team_submissions.team_id")
    .select(["team_submissions.id", "team_submissions.team_id", "team_submissions.version", "team_submissions.status"])
    .where("team_submissions.id", "=", input.submissionId)
    .where("teams.cohort_id", "=", task.cohortId)
    .where("team_submissions.course_id", "=", task.course.id)
    .where("team_submissions.item_id", "=", task.item.id)
    .forUpdate("team_submissions")
    .executeTakeFirst();
  if (!submission || submission.status !== "submitted") return refused("notSubmitted");
  if (submission.version !== input.version) return refused("stale");
  const scores = checkRubricScores(task.rubric, input.scores);
  if (!scores) return refused("scores");
  const text = input.body.replace(/\r\n/g, "\n").trim();
  if (!text) return refused("empty");
  if (text.length > FEEDBACK_MAX_CHARS) return refused("tooLong");
  // Feedback is about the work, never about a person who could be recognised.
  if (detectPersonalData(text).length > 0) return refused("personalData");

  const total = Object.values(scores).reduce((sum, s) => sum + s, 0);
  const max = rubricMaximum(task.rubric);
  await trx
    .insertInto("team_feedback")
    .values({ submission_id: submission.id, submission_version: submission.version, scores: JSON.stringify(scores), total, max_total: max, body_source: text, body_html: renderPost(text), decision: input.decision, given_by: input.by })
    .execute();
  if (input.decision === "returned") {
    await trx.updateTable("team_submissions").set({ status: "draft" }).where("id", "=", submission.id).execute();
    return { ok: true, done: false, completed: 0 };
  }
  await trx.updateTable("team_submissions").set({ status: "accepted", accepted_at: new Date() }).where("id", "=", submission.id).execute();
  const scored = (personId: string) => [
    {
      actorId: personId,
      verb: "scored",
      object: { type: "group-task", id: `${task.course.id}/${task.item.id}` },
      result: { score: total, max, decision: input.decision },
      context: { course: task.course.id, team: submission.team_id, by: input.by },
    },
  ];
  // With peer review, the items complete once the team has also written its reviews.
  return { ok: true, ...(await recordTeamStep(trx, task, submission.team_id, scored)) };
}

export interface FeedbackView {
  version: number;
  decision: FeedbackDecision;
  scores: Record<string, number>;
  total: number;
  max: number;
  html: string;
  source: string;
  by: string | null;
  at: Date;
}

/** Every feedback the text was given, newest first. */
export async function feedbackOf(db: DB | Trx, submissionId: string): Promise<FeedbackView[]> {
  const rows = await db
    .selectFrom("team_feedback")
    .leftJoin("people", "people.id", "team_feedback.given_by")
    .select(["team_feedback.submission_version", "team_feedback.decision", "team_feedback.scores", "team_feedback.total", "team_feedback.max_total", "team_feedback.body_html", "team_feedback.body_source", "team_feedback.given_at", "people.display_name"])
    .where("team_feedback.submission_id", "=", submissionId)
    .orderBy("team_feedback.submission_version", "desc")
    .execute();
  return rows.map((r) => ({
    version: r.submission_version,
    decision: r.decision,
    scores: r.scores as Record<string, number>,
    total: r.total,
    max: r.max_total,
    html: r.body_html,
    source: r.body_source,
    by: r.display_name,
    at: r.given_at,
  }));
}

export interface TeamTaskRow {
  teamId: string;
  teamName: string;
  members: number;
  submission: { id: string; version: number; status: "draft" | "submitted" | "accepted"; html: string; submittedAt: Date | null; acceptedAt: Date | null } | null;
  latest: { decision: FeedbackDecision; total: number; max: number; version: number } | null;
}

/** Each team of the cohort with its text for one group task and the newest feedback on it (the facilitator's board). */
export async function teamTaskBoard(db: DB | Trx, cohortId: string, courseId: string, itemId: string): Promise<TeamTaskRow[]> {
  const rows = await db
    .selectFrom("teams")
    .leftJoin("team_submissions", (join) => join.onRef("team_submissions.team_id", "=", "teams.id").on("team_submissions.course_id", "=", courseId).on("team_submissions.item_id", "=", itemId))
    .select((eb) => [
      "teams.id as team_id",
      "teams.name",
      eb.selectFrom("team_members").select(eb.fn.countAll<string>().as("n")).whereRef("team_members.team_id", "=", "teams.id").as("members"),
      "team_submissions.id as submission_id",
      "team_submissions.version",
      "team_submissions.status",
      "team_submissions.body_html",
      "team_submissions.submitted_at",
      "team_submissions.accepted_at",
    ])
    .where("teams.cohort_id", "=", cohortId)
    .orderBy("teams.name")
    .execute();
  const ids = rows.flatMap((r) => (r.submission_id ? [r.submission_id] : []));
  const latest = ids.length
    ? await db
        .selectFrom("team_feedback")
        .select(["submission_id", "decision", "total", "max_total", "submission_version"])
        .distinctOn("submission_id")
        .where("submission_id", "in", ids)
        .orderBy("submission_id")
        .orderBy("submission_version", "desc")
        .execute()
    : [];
  const latestOf = new Map(latest.map((f) => [f.submission_id, { decision: f.decision, total: f.total, max: f.max_total, version: f.submission_version }]));
  return rows.map((r) => ({
    teamId: r.team_id,
    teamName: r.name,
    members: Number(r.members ?? 0),
    submission: r.submission_id
      ? { id: r.submission_id, version: r.version!, status: r.status!, html: r.body_html!, submittedAt: r.submitted_at ?? null, acceptedAt: r.accepted_at ?? null }
      : null,
    latest: r.submission_id ? (latestOf.get(r.submission_id) ?? null) : null,
  }));
}
