import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { Acknowledged } from "./officer";

export interface Verdict {
  acknowledged: number;
  found: number;
  lost: number;
  duplicated: number;
  /** Places where the event log and the projections (progress, quiz state) disagree. */
  disagreements: string[];
}

interface AttemptAnswers {
  number: number;
  answers: Record<string, unknown>;
}
interface StoredQuizContext {
  current: AttemptAnswers | null;
  finished: (AttemptAnswers & { passed: boolean })[];
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Reads back what the run's officers left in the database: is every acknowledged write there
 * exactly once, and do the learning events agree with the progress and quiz-state tables, for
 * acknowledged writes and for those whose answer never reached the client alike.
 */
export async function verify(db: DB, personIds: string[], acknowledged: Acknowledged[]): Promise<Verdict> {
  const disagreements: string[] = [];
  const events = await db
    .selectFrom("learning_events")
    .select(["actor_id", "verb", "object_type", "object_id", sql<string | null>`context->>'attempt'`.as("attempt"), sql<string | null>`context->>'submission'`.as("submission"), sql<string | null>`context->>'play'`.as("play")])
    .where("actor_id", "in", personIds)
    .execute();
  const progress = await db.selectFrom("item_progress").select(["person_id", "course_id", "item_id", "completed_at"]).where("person_id", "in", personIds).execute();
  const quizStates = await db.selectFrom("quiz_states").select(["person_id", "course_id", "quiz_id", "snapshot"]).where("person_id", "in", personIds).execute();

  // Item completions: one event per completed item, and the progress table says the same.
  const completionEvents = new Map<string, number>();
  const answeredBySubmission = new Map<string, number>();
  const answeredByAttempt = new Map<string, number>();
  const answeredQuestions = new Map<string, number>();
  const finishedEvents = new Map<string, number>();
  for (const e of events) {
    // An item's completion (a quiz attempt or a scenario play finishing is its own event).
    if (e.verb === "completed" && e.object_type !== "course" && e.attempt === null && e.play === null) count(completionEvents, `${e.actor_id} ${e.object_id}`);
    if (e.verb === "answered") {
      if (e.submission) count(answeredBySubmission, e.submission);
      const quiz = e.object_id.split("/").slice(0, 2).join("/");
      count(answeredByAttempt, `${e.actor_id} ${quiz} #${e.attempt}`);
      count(answeredQuestions, `${e.actor_id} ${e.object_id} #${e.attempt}`);
    }
    if (e.verb === "completed" && e.object_type === "quiz" && e.attempt !== null) count(finishedEvents, `${e.actor_id} ${e.object_id}`);
  }
  const completedItems = new Set(progress.filter((p) => p.completed_at !== null).map((p) => `${p.person_id} ${p.course_id}/${p.item_id}`));
  for (const [key, n] of completionEvents) {
    if (n > 1) disagreements.push(`${n} completion events for ${key}`);
    if (!completedItems.has(key)) disagreements.push(`completion event without progress for ${key}`);
  }
  for (const key of completedItems) if (!completionEvents.has(key)) disagreements.push(`progress without completion event for ${key}`);
  for (const [key, n] of answeredQuestions) if (n > 1) disagreements.push(`${n} answer events for one question in one attempt: ${key}`);

  // Quiz state: each attempt holds as many answers as there are answer events for it.
  for (const row of quizStates) {
    const context = (row.snapshot as { context: StoredQuizContext }).context;
    const quiz = `${row.course_id}/${row.quiz_id}`;
    const attempts = [...context.finished, ...(context.current ? [context.current] : [])];
    for (const attempt of attempts) {
      const stored = Object.keys(attempt.answers).length;
      const logged = answeredByAttempt.get(`${row.person_id} ${quiz} #${attempt.number}`) ?? 0;
      if (stored !== logged) disagreements.push(`${row.person_id} ${quiz} attempt ${attempt.number}: ${stored} answers stored, ${logged} answer events`);
    }
    const finished = finishedEvents.get(`${row.person_id} ${quiz}`) ?? 0;
    if (finished !== context.finished.length) disagreements.push(`${row.person_id} ${quiz}: ${context.finished.length} finished attempts, ${finished} completion events`);
    if (context.finished.some((a) => a.passed) && !completedItems.has(`${row.person_id} ${quiz}`)) disagreements.push(`${row.person_id} ${quiz}: passed but the item is not complete`);
  }

  let found = 0;
  let lost = 0;
  let duplicated = 0;
  for (const ack of acknowledged) {
    const n =
      ack.kind === "completion"
        ? completedItems.has(`${ack.personId} ${ack.courseId}/${ack.itemId}`) ? completionEvents.get(`${ack.personId} ${ack.courseId}/${ack.itemId}`) ?? 0 : 0
        : answeredBySubmission.get(ack.token) ?? 0;
    if (n === 0) lost++;
    else found++;
    if (n > 1) duplicated++;
  }
  return { acknowledged: acknowledged.length, found, lost, duplicated, disagreements };
}
