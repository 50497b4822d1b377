import type { DB } from "../../db/client";
import { addToTeam, createTeam } from "../../app/models/teams/membership.server";
import { saveSubmission, submitSubmission } from "../../app/models/teams/submission.server";
import { MARKS } from "./personal-data-marks";
import { ok } from "./results";

// Group work and live sessions for recordOneOfEach (personal-data.ts): kept apart so that each
// file stays short. `other` is a second officer of the cohort, in the person's team: the version
// of the team's text they saved, and the feedback they gave as a facilitator, are theirs.

const GROUP_TASK = { courseId: "trafficking-smuggling", itemId: "checkpoint-protocol" };

export async function recordGroupWork(db: DB, personId: string, cohortId: string, other: { id: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The person's team: a draft by the person, a version by the other, the person's last version, handed in by the person.
    const { teamId } = ok(await createTeam(trx, { cohortId, name: MARKS.team, actorId: other.id }));
    for (const member of [personId, other.id]) ok(await addToTeam(trx, { cohortId, personId: member, teamId }));
    const ref = { teamId, ...GROUP_TASK };
    ok(await saveSubmission(trx, ref, personId, MARKS.teamDraft, 0));
    ok(await saveSubmission(trx, ref, other.id, MARKS.otherTeamVersion, 1));
    ok(await saveSubmission(trx, ref, personId, MARKS.teamHandedIn, 2));
    ok(await submitSubmission(trx, ref, personId, 3));
    const own = await trx.selectFrom("team_submissions").select("id").where("team_id", "=", teamId).executeTakeFirstOrThrow();

    // Another team's handed-in text (nobody here wrote it), which the person's team reviews.
    const { teamId: otherTeamId } = ok(await createTeam(trx, { cohortId, name: MARKS.otherTeam, actorId: other.id }));
    const reviewed = await trx
      .insertInto("team_submissions")
      .values({ team_id: otherTeamId, course_id: GROUP_TASK.courseId, item_id: GROUP_TASK.itemId, body_source: MARKS.reviewedText, body_html: `<p>${MARKS.reviewedText}</p>`, version: 1, status: "submitted", submitted_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("team_submission_revisions").values({ submission_id: reviewed.id, version: 1, body_source: MARKS.reviewedText, edited_by: null }).execute();
    const round = await trx
      .insertInto("peer_review_rounds")
      .values({ cohort_id: cohortId, course_id: GROUP_TASK.courseId, item_id: GROUP_TASK.itemId, opened_by: other.id, closes_at: new Date(Date.now() + 7 * 86_400_000) })
      .returning("id")
      .executeTakeFirstOrThrow();
    const assignment = await trx.insertInto("peer_review_assignments").values({ round_id: round.id, reviewer_team_id: teamId, submission_id: reviewed.id, submission_version: 1 }).returning("id").executeTakeFirstOrThrow();
    await trx.insertInto("peer_reviews").values({ assignment_id: assignment.id, body_source: MARKS.peerReview, body_html: `<p>${MARKS.peerReview}</p>`, written_by: personId }).execute();

    // Feedback the person gave on the other team's text (as a facilitator would), and the other's on the person's team.
    const feedback = (submissionId: string, version: number, body: string, by: string) => ({
      submission_id: submissionId,
      submission_version: version,
      scores: JSON.stringify({ clarity: 2 }),
      total: 2,
      max_total: 3,
      body_source: body,
      body_html: `<p>${body}</p>`,
      decision: "returned" as const,
      given_by: by,
    });
    await trx.insertInto("team_feedback").values([feedback(reviewed.id, 1, MARKS.teamFeedback, personId), feedback(own.id, 3, MARKS.otherFeedback, other.id)]).execute();
  });
}

export async function recordLiveSessions(db: DB, personId: string, cohortId: string): Promise<void> {
  // An attendance by the check-in code (the code is the cohort's, never exported), and a reflection on another talk.
  const schedule = await db
    .insertInto("session_schedules")
    .values({ cohort_id: cohortId, course_id: "vulnerability-referral", item_id: "referral-mechanisms-talk", starts_at: new Date(), minutes: 60, time_zone: "America/Tegucigalpa", checkin_code: MARKS.checkinCode })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("session_attendance").values({ schedule_id: schedule.id, person_id: personId, method: "code" }).execute();
  await db.insertInto("session_reflections").values({ person_id: personId, course_id: "unaccompanied-children", item_id: "child-protection-talk", body: MARKS.reflection }).execute();
}
