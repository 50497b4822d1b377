import { sql } from "kysely";
import type { Trx } from "../../../db/client";
import type { PersonalRecord } from "./kinds";

// Group work: the teams the person is in, and what they wrote there. Team names are the
// facilitator's (or a country's or institution's); no other member is named, by name or by id.
//
// The team's text is shared: each saved version holds the whole text as one member saved it.
// The export holds the versions this person saved, which are theirs as they saved them; a
// version another member saved is not exported, even when it is the one handed in, because it
// may hold words only that member wrote. The handed-in text is thus in the export when it is a
// version this person saved, with the moment it was handed in. What the facilitator and the
// other teams wrote back about the team's text is theirs; the scores are in the learning events.

export async function teamRecords(trx: Trx, personId: string): Promise<PersonalRecord<"teams">[]> {
  const rows = await trx
    .selectFrom("team_members")
    .innerJoin("teams", "teams.id", "team_members.team_id")
    .innerJoin("cohorts", "cohorts.id", "team_members.cohort_id")
    .select(["cohorts.name as cohort", "teams.name as team"])
    .where("team_members.person_id", "=", personId)
    .orderBy("teams.created_at")
    .execute();
  return rows.map((r) => ({ cohort: r.cohort, team: r.team }));
}

/** Every version of a team's text the person saved (in whichever team they are now). */
export async function teamWorkRecords(trx: Trx, personId: string): Promise<PersonalRecord<"teamWork">[]> {
  const rows = await trx
    .selectFrom("team_submission_revisions as revision")
    .innerJoin("team_submissions as submission", "submission.id", "revision.submission_id")
    .innerJoin("teams", "teams.id", "submission.team_id")
    .select([
      "teams.name as team",
      "submission.course_id",
      "submission.item_id",
      "revision.version",
      "revision.body_source",
      "revision.created_at",
      sql<Date | null>`case when submission.status <> 'draft' and submission.version = revision.version then submission.submitted_at end`.as("handed_in_at"),
    ])
    .where("revision.edited_by", "=", personId)
    .orderBy("revision.created_at")
    .orderBy("revision.version")
    .execute();
  return rows.map((r) => ({ team: r.team, courseId: r.course_id, itemId: r.item_id, version: r.version, body: r.body_source, savedAt: r.created_at, handedInAt: r.handed_in_at }));
}

/** The reviews the person wrote for their team of another team's text (never that text itself). */
export async function peerReviewRecords(trx: Trx, personId: string): Promise<PersonalRecord<"peerReviews">[]> {
  const rows = await trx
    .selectFrom("peer_reviews")
    .innerJoin("peer_review_assignments as assignment", "assignment.id", "peer_reviews.assignment_id")
    .innerJoin("peer_review_rounds as round", "round.id", "assignment.round_id")
    .innerJoin("teams as reviewer", "reviewer.id", "assignment.reviewer_team_id")
    .innerJoin("team_submissions as reviewed_text", "reviewed_text.id", "assignment.submission_id")
    .innerJoin("teams as reviewed", "reviewed.id", "reviewed_text.team_id")
    .select(["reviewer.name as team", "reviewed.name as reviewed_team", "round.course_id", "round.item_id", "peer_reviews.body_source", "peer_reviews.written_at"])
    .where("peer_reviews.written_by", "=", personId)
    .orderBy("peer_reviews.written_at")
    .execute();
  return rows.map((r) => ({ team: r.team, reviewedTeam: r.reviewed_team, courseId: r.course_id, itemId: r.item_id, body: r.body_source, writtenAt: r.written_at }));
}

/** The feedback the person gave, as a facilitator, on teams' handed-in texts. */
export async function teamFeedbackRecords(trx: Trx, personId: string): Promise<PersonalRecord<"teamFeedback">[]> {
  const rows = await trx
    .selectFrom("team_feedback")
    .innerJoin("team_submissions as submission", "submission.id", "team_feedback.submission_id")
    .innerJoin("teams", "teams.id", "submission.team_id")
    .select(["teams.name as team", "submission.course_id", "submission.item_id", "team_feedback.submission_version", "team_feedback.decision", "team_feedback.total", "team_feedback.max_total", "team_feedback.body_source", "team_feedback.given_at"])
    .where("team_feedback.given_by", "=", personId)
    .orderBy("team_feedback.given_at")
    .execute();
  return rows.map((r) => ({
    team: r.team,
    courseId: r.course_id,
    itemId: r.item_id,
    version: r.submission_version,
    decision: r.decision,
    total: r.total,
    maxTotal: r.max_total,
    body: r.body_source,
    givenAt: r.given_at,
  }));
}
