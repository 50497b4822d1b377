import { sql } from "kysely";
import type { Trx } from "../../../db/client";
import type { quizResultOf } from "../../quiz/events";

export type QuizResult = NonNullable<ReturnType<typeof quizResultOf>>;

/**
 * Keeps the quiz_results read model (attempts, best and last score, first pass) in step with the
 * quiz state, in the step's transaction: coordinator reports sort and filter on it (ADR 004).
 */
export async function projectQuizResult(trx: Trx, personId: string, courseId: string, quizId: string, result: QuizResult): Promise<void> {
  const values = {
    attempts: result.attempts,
    best_percent: result.bestPercent,
    last_percent: result.lastPercent,
    passed_at: result.passedAt,
    updated_at: sql<Date>`now()`,
  };
  await trx
    .insertInto("quiz_results")
    .values({ person_id: personId, course_id: courseId, quiz_id: quizId, ...values })
    .onConflict((oc) => oc.columns(["person_id", "course_id", "quiz_id"]).doUpdateSet(values))
    .execute();
}
