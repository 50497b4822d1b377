import type { DB, Trx } from "../../../db/client";
import type { CompletingCourse } from "../../content/progress-course";
import type { LearningEvent } from "../../learning/event";
import { record } from "../learning/record.server";

// When a team's group task is done, for every member at once: the facilitator has accepted the
// work and, when the task has peer review, the reviews have been handed out and the team has
// written each one it was given. A team that handed in after the reviews were handed out was
// given none, so acceptance alone completes it.

export interface TeamTask {
  course: CompletingCourse;
  item: { id: string; kind: string };
  peerReview: boolean;
}

export async function teamWorkDone(db: DB | Trx, task: TeamTask, teamId: string): Promise<boolean> {
  const submission = await db.selectFrom("team_submissions").select("status").where("team_id", "=", teamId).where("course_id", "=", task.course.id).where("item_id", "=", task.item.id).executeTakeFirst();
  if (submission?.status !== "accepted") return false;
  if (!task.peerReview) return true;
  const round = await db
    .selectFrom("peer_review_rounds")
    .innerJoin("teams", "teams.cohort_id", "peer_review_rounds.cohort_id")
    .select((eb) => [
      "peer_review_rounds.id",
      eb
        .selectFrom("peer_review_assignments")
        .leftJoin("peer_reviews", "peer_reviews.assignment_id", "peer_review_assignments.id")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("peer_review_assignments.round_id", "=", "peer_review_rounds.id")
        .where("peer_review_assignments.reviewer_team_id", "=", teamId)
        .where("peer_reviews.assignment_id", "is", null)
        .as("missing"),
    ])
    .where("teams.id", "=", teamId)
    .where("peer_review_rounds.course_id", "=", task.course.id)
    .where("peer_review_rounds.item_id", "=", task.item.id)
    .executeTakeFirst();
  return round !== undefined && Number(round.missing ?? 0) === 0;
}

/**
 * Records one step of the team's work for each member (`eventsFor` names the events, if any)
 * and, when the work is now done, completes every member's item, in the caller's transaction.
 * Answers whether the work is done and how many members' items it newly completed. A member for whom the item is still
 * locked completes it on opening it (completeTeamMember).
 */
export async function recordTeamStep(trx: Trx, task: TeamTask, teamId: string, eventsFor: (personId: string) => LearningEvent[] = () => []): Promise<{ done: boolean; completed: number }> {
  // The team's text row is the lock of its steps: of two last steps at once (two reviews, or a
  // review and the acceptance), the second waits here and then sees the first, so one of them
  // always finds the work done.
  await trx.selectFrom("team_submissions").select("id").where("team_id", "=", teamId).where("course_id", "=", task.course.id).where("item_id", "=", task.item.id).forUpdate().execute();
  const done = await teamWorkDone(trx, task, teamId);
  const members = await trx.selectFrom("team_members").select("person_id").where("team_id", "=", teamId).orderBy("person_id").execute();
  let completed = 0;
  for (const { person_id: personId } of members) {
    const completion = await record(trx, { personId, course: task.course, item: task.item, events: eventsFor(personId), completed: done });
    if (completion?.ok && completion.newlyCompleted) completed += 1;
  }
  return { done, completed };
}

/** A member whose item was locked when the team's work was done marks it done once it opens. */
export async function completeTeamMember(trx: Trx, task: TeamTask, teamId: string, personId: string): Promise<{ ok: true } | { ok: false; code: "notDone" | "locked" }> {
  if (!(await teamWorkDone(trx, task, teamId))) return { ok: false, code: "notDone" };
  const completion = await record(trx, { personId, course: task.course, item: task.item, completed: true });
  return completion && !completion.ok ? { ok: false, code: "locked" } : { ok: true };
}
