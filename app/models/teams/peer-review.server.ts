import { sql } from "kysely";
import type { DB, Trx } from "../../../db/client";
import { renderPost } from "../../dialogue/render.server";
import { detectPersonalData } from "../../dialogue/safeguarding";
import { assignReviews } from "../../teams/peer-review";
import { refused, type Result } from "../result";
import { recordTeamStep, type TeamTask } from "./team-completion.server";

// Peer review of a group task in one cohort. The facilitator hands the reviews out once, from the
// task's page (nothing opens a round by itself): each team that handed in its text is given
// other teams' texts to comment on, round a shuffled circle (app/teams/peer-review.ts). A team
// writes one review per text it was given; the reviewed team reads them once the window closes
// (reviews written after it show at once, so a late team can still finish).

export const REVIEW_MAX_CHARS = 5_000;

export interface RoundTask extends TeamTask {
  cohortId: string;
}

export interface ReviewTask extends RoundTask {
  reviewsPerTeam: number;
  windowDays: number;
}

export interface ReviewRound {
  id: string;
  openedAt: Date;
  closesAt: Date;
  closed: boolean;
}

export async function reviewRoundOf(db: DB | Trx, cohortId: string, courseId: string, itemId: string): Promise<ReviewRound | null> {
  const row = await db
    .selectFrom("peer_review_rounds")
    .select(["id", "opened_at", "closes_at", sql<boolean>`closes_at <= now()`.as("closed")])
    .where("cohort_id", "=", cohortId)
    .where("course_id", "=", courseId)
    .where("item_id", "=", itemId)
    .executeTakeFirst();
  return row ? { id: row.id, openedAt: row.opened_at, closesAt: row.closes_at, closed: row.closed } : null;
}

/** Hands the reviews out among the teams that have handed in. Answers how many teams and reviews. */
export async function openReviewRound(trx: Trx, task: ReviewTask, by: string, random: () => number = Math.random): Promise<Result<{ teams: number; reviews: number }, "alreadyOpen" | "nothingHandedIn">> {
  // One round per cohort and task, even when two facilitators press at once.
  await trx.selectFrom("cohorts").select("id").where("id", "=", task.cohortId).forUpdate().execute();
  if (await reviewRoundOf(trx, task.cohortId, task.course.id, task.item.id)) return refused("alreadyOpen");
  const handedIn = await trx
    .selectFrom("team_submissions")
    .innerJoin("teams", "teams.id", "team_submissions.team_id")
    .select(["team_submissions.id", "team_submissions.team_id", "team_submissions.version", "team_submissions.status"])
    .where("teams.cohort_id", "=", task.cohortId)
    .where("team_submissions.course_id", "=", task.course.id)
    .where("team_submissions.item_id", "=", task.item.id)
    .where("team_submissions.status", "in", ["submitted", "accepted"])
    .orderBy("team_submissions.team_id")
    // Locked, so that an acceptance at the same moment is taken before or after the hand-out, never halfway.
    .forUpdate("team_submissions")
    .execute();
  if (!handedIn.length) return refused("nothingHandedIn");
  const round = await trx
    .insertInto("peer_review_rounds")
    .values({ cohort_id: task.cohortId, course_id: task.course.id, item_id: task.item.id, opened_by: by, closes_at: sql<Date>`now() + make_interval(days => ${task.windowDays})` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const submissionOfTeam = new Map(handedIn.map((s) => [s.team_id, s]));
  const assignments = assignReviews(
    handedIn.map((s) => s.team_id),
    task.reviewsPerTeam,
    random,
  ).map((a) => ({ round_id: round.id, reviewer_team_id: a.reviewer, submission_id: submissionOfTeam.get(a.reviewed)!.id, submission_version: submissionOfTeam.get(a.reviewed)!.version }));
  if (assignments.length) await trx.insertInto("peer_review_assignments").values(assignments).execute();
  // Accepted teams given nothing to review (one team alone in the round) are done now; for the others this records nothing.
  for (const s of handedIn) if (s.status === "accepted") await recordTeamStep(trx, task, s.team_id);
  return { ok: true, teams: handedIn.length, reviews: assignments.length };
}

/** Closes the window now, so the teams read their reviews without waiting for the end date. */
export async function closeReviewWindow(trx: Trx, cohortId: string, courseId: string, itemId: string): Promise<Result<object, "notOpen">> {
  const closed = await trx
    .updateTable("peer_review_rounds")
    .set({ closes_at: sql<Date>`now()` })
    .where("cohort_id", "=", cohortId)
    .where("course_id", "=", courseId)
    .where("item_id", "=", itemId)
    .where("closes_at", ">", sql<Date>`now()`)
    .returning("id")
    .executeTakeFirst();
  return closed ? { ok: true } : refused("notOpen");
}

export type ReviewCode = "notYours" | "written" | "empty" | "tooLong" | "personalData";

/** A member writes their team's review of a text the team was given. Answers whether the team's work is now done and how many members' items it completed. */
export async function writeReview(trx: Trx, task: RoundTask, teamId: string, personId: string, assignmentId: string, body: string): Promise<Result<{ done: boolean; completed: number }, ReviewCode>> {
  const assignment = await trx
    .selectFrom("peer_review_assignments")
    .innerJoin("peer_review_rounds", "peer_review_rounds.id", "peer_review_assignments.round_id")
    .innerJoin("team_submissions", "team_submissions.id", "peer_review_assignments.submission_id")
    .select(["peer_review_assignments.id", "team_submissions.team_id as reviewed_team_id"])
    .where("peer_review_assignments.id", "=", assignmentId)
    .where("peer_review_assignments.reviewer_team_id", "=", teamId)
    .where("peer_review_rounds.cohort_id", "=", task.cohortId)
    .where("peer_review_rounds.course_id", "=", task.course.id)
    .where("peer_review_rounds.item_id", "=", task.item.id)
    .forUpdate(["peer_review_assignments"])
    .executeTakeFirst();
  if (!assignment) return refused("notYours");
  const text = body.replace(/\r\n/g, "\n").trim();
  if (!text) return refused("empty");
  if (text.length > REVIEW_MAX_CHARS) return refused("tooLong");
  // As in posts: the review is about the work, never about a person who could be recognised.
  if (detectPersonalData(text).length > 0) return refused("personalData");
  const inserted = await trx
    .insertInto("peer_reviews")
    .values({ assignment_id: assignment.id, body_source: text, body_html: renderPost(text), written_by: personId })
    .onConflict((oc) => oc.column("assignment_id").doNothing())
    .returning("assignment_id")
    .executeTakeFirst();
  if (!inserted) return refused("written");
  const reviewed = (member: string) =>
    member === personId ? [{ actorId: personId, verb: "reviewed", object: { type: "group-task", id: `${task.course.id}/${task.item.id}` }, context: { course: task.course.id, team: teamId, reviewedTeam: assignment.reviewed_team_id } }] : [];
  return { ok: true, ...(await recordTeamStep(trx, task, teamId, reviewed)) };
}

export interface ReviewToWrite {
  assignmentId: string;
  reviewedTeam: string;
  /** The other team's text as it was when the reviews were handed out. */
  html: string;
  review: { html: string; by: string | null; at: Date } | null;
}

/** The texts a team was given to review in a round, with its review of each when written. */
export async function reviewsToWrite(db: DB | Trx, roundId: string, teamId: string): Promise<ReviewToWrite[]> {
  const rows = await db
    .selectFrom("peer_review_assignments")
    .innerJoin("team_submissions", "team_submissions.id", "peer_review_assignments.submission_id")
    .innerJoin("teams", "teams.id", "team_submissions.team_id")
    .innerJoin("team_submission_revisions", (join) =>
      join.onRef("team_submission_revisions.submission_id", "=", "peer_review_assignments.submission_id").onRef("team_submission_revisions.version", "=", "peer_review_assignments.submission_version"),
    )
    .leftJoin("peer_reviews", "peer_reviews.assignment_id", "peer_review_assignments.id")
    .leftJoin("people", "people.id", "peer_reviews.written_by")
    .select(["peer_review_assignments.id", "teams.name", "team_submission_revisions.body_source", "peer_reviews.body_html", "peer_reviews.written_at", "people.display_name"])
    .where("peer_review_assignments.round_id", "=", roundId)
    .where("peer_review_assignments.reviewer_team_id", "=", teamId)
    .orderBy("teams.name")
    .execute();
  return rows.map((r) => ({
    assignmentId: r.id,
    reviewedTeam: r.name,
    html: renderPost(r.body_source),
    review: r.body_html && r.written_at ? { html: r.body_html, by: r.display_name, at: r.written_at } : null,
  }));
}

export interface ReviewWritten {
  assignmentId: string;
  reviewerTeam: string;
  reviewedTeam: string;
  html: string | null;
  by: string | null;
  at: Date | null;
}

/** Every review of a round, written or not: the facilitator's view, and (filtered) what a team received. */
export async function reviewsOfRound(db: DB | Trx, roundId: string, reviewedSubmissionId?: string): Promise<ReviewWritten[]> {
  let query = db
    .selectFrom("peer_review_assignments")
    .innerJoin("teams as reviewer", "reviewer.id", "peer_review_assignments.reviewer_team_id")
    .innerJoin("team_submissions", "team_submissions.id", "peer_review_assignments.submission_id")
    .innerJoin("teams as reviewed", "reviewed.id", "team_submissions.team_id")
    .leftJoin("peer_reviews", "peer_reviews.assignment_id", "peer_review_assignments.id")
    .leftJoin("people", "people.id", "peer_reviews.written_by")
    .select(["peer_review_assignments.id", "reviewer.name as reviewer_name", "reviewed.name as reviewed_name", "peer_reviews.body_html", "peer_reviews.written_at", "people.display_name"])
    .where("peer_review_assignments.round_id", "=", roundId);
  if (reviewedSubmissionId) query = query.where("peer_review_assignments.submission_id", "=", reviewedSubmissionId);
  const rows = await query.orderBy("reviewed.name").orderBy("reviewer.name").execute();
  return rows.map((r) => ({ assignmentId: r.id, reviewerTeam: r.reviewer_name, reviewedTeam: r.reviewed_name, html: r.body_html ?? null, by: r.display_name ?? null, at: r.written_at ?? null }));
}
