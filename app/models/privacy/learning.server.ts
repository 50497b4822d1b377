import type { Trx } from "../../../db/client";
import type { PersonalRecord } from "./kinds";

// What the person did while learning: the learning event log (the record every progress table
// is a projection of), the progress itself, and, read from the log, each quiz answer and each
// scenario decision. The quiz's stored state is not exported: it holds the answer keys of an
// attempt under way, and every answer in it is in the log. Lessons completed on a saved page
// are listed without their one-time token's hash.

export async function courseProgressRecords(trx: Trx, personId: string): Promise<PersonalRecord<"courseProgress">[]> {
  const rows = await trx.selectFrom("course_progress").selectAll().where("person_id", "=", personId).orderBy("started_at").execute();
  return rows.map((r) => ({ courseId: r.course_id, startedAt: r.started_at, lastActivityAt: r.last_activity_at, lastItemId: r.last_item_id, completedAt: r.completed_at }));
}

export async function itemProgressRecords(trx: Trx, personId: string): Promise<PersonalRecord<"itemProgress">[]> {
  const rows = await trx.selectFrom("item_progress").selectAll().where("person_id", "=", personId).orderBy("first_viewed_at").execute();
  return rows.map((r) => ({ courseId: r.course_id, itemId: r.item_id, firstViewedAt: r.first_viewed_at, lastViewedAt: r.last_viewed_at, completedAt: r.completed_at, secondsSpent: r.seconds_spent }));
}

export async function learningEventRecords(trx: Trx, personId: string): Promise<PersonalRecord<"learningEvents">[]> {
  const rows = await trx.selectFrom("learning_events").selectAll().where("actor_id", "=", personId).orderBy("timestamp").orderBy("stored_at").execute();
  return rows.map((r) => ({ at: r.timestamp, storedAt: r.stored_at, verb: r.verb, objectType: r.object_type, objectId: r.object_id, result: r.result, context: r.context }));
}

export async function quizResultRecords(trx: Trx, personId: string): Promise<PersonalRecord<"quizResults">[]> {
  const rows = await trx.selectFrom("quiz_results").selectAll().where("person_id", "=", personId).orderBy("updated_at").execute();
  return rows.map((r) => ({ courseId: r.course_id, quizId: r.quiz_id, attempts: r.attempts, bestPercent: r.best_percent, lastPercent: r.last_percent, passedAt: r.passed_at, updatedAt: r.updated_at }));
}

export async function offlineCompletionRecords(trx: Trx, personId: string): Promise<PersonalRecord<"offlineCompletions">[]> {
  const rows = await trx.selectFrom("offline_completions").select(["course_id", "item_id", "completed_at", "received_at"]).where("person_id", "=", personId).orderBy("completed_at").execute();
  return rows.map((r) => ({ courseId: r.course_id, itemId: r.item_id, completedAt: r.completed_at, receivedAt: r.received_at }));
}

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (value && typeof value === "object" ? (value as Json) : {});

/** Each answer the person sent to a quiz question (verb "answered"), with its score. */
export async function quizAnswerRecords(trx: Trx, personId: string): Promise<PersonalRecord<"quizAnswers">[]> {
  const rows = await trx
    .selectFrom("learning_events")
    .select(["timestamp", "object_id", "result", "context"])
    .where("actor_id", "=", personId)
    .where("verb", "=", "answered")
    .where("object_type", "=", "question")
    .orderBy("timestamp")
    .execute();
  return rows.map((r) => {
    const result = object(r.result);
    return { at: r.timestamp, questionId: r.object_id, attempt: object(r.context).attempt ?? null, response: result.response ?? null, score: object(result.score).scaled ?? null, success: result.success ?? null };
  });
}

/** Each choice the person made in a scenario (verb "responded" on a scenario node). */
export async function scenarioDecisionRecords(trx: Trx, personId: string): Promise<PersonalRecord<"scenarioDecisions">[]> {
  const rows = await trx
    .selectFrom("learning_events")
    .select(["timestamp", "object_id", "result", "context"])
    .where("actor_id", "=", personId)
    .where("verb", "=", "responded")
    .where("object_type", "=", "scenario-node")
    .orderBy("timestamp")
    .execute();
  return rows.map((r) => {
    const result = object(r.result);
    return { at: r.timestamp, nodeId: r.object_id, play: object(r.context).play ?? null, choice: result.response ?? null, score: object(result.score).raw ?? null };
  });
}
