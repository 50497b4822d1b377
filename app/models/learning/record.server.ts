import type { DB, Trx } from "../../../db/client";
import type { CompletingCourse } from "../../content/progress-course";
import type { LearningEvent } from "../../learning/event";
import { appendLearningEvents } from "./learning-event.server";
import { completeItem, projectView, type CompletionResult } from "./item-progress.server";
import { projectQuizResult, type QuizResult } from "./quiz-results.server";

/** What one step of an activity amounts to, for one person on one course item. */
export interface Recording {
  personId: string;
  course: CompletingCourse;
  item: { id: string; kind: string };
  /** The step's own learning events (attempted, answered, responded, …), in order. */
  events?: readonly LearningEvent[];
  /** The item was opened. */
  viewed?: boolean;
  /** A quiz attempt finished: what the quiz_results read model keeps. */
  quizResult?: QuizResult | null;
  /** The step finished the item (a lesson marked done, a quiz passed, a protected ending, a published post). */
  completed?: boolean;
}

/**
 * The one way learning is written: appends the step's events to the log and runs the
 * projections (item and course progress, quiz results, certificate) in the caller's transaction,
 * so a step and everything derived from it commit or roll back together, for every item kind.
 * Answers the completion's result when the step completed the item.
 */
export async function record(trx: Trx, step: Recording): Promise<CompletionResult | null> {
  const { personId, course, item } = step;
  if (step.viewed) await projectView(trx, personId, course.id, item);
  if (step.events?.length) await appendLearningEvents(trx, [...step.events]);
  if (step.quizResult) await projectQuizResult(trx, personId, course.id, item.id, step.quizResult);
  return step.completed ? completeItem(trx, personId, course, item.id, item.kind) : null;
}

/** Records that a person opened an item, in a transaction of its own. */
export async function recordView(db: DB, personId: string, courseId: string, itemId: string, itemType: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await projectView(trx, personId, courseId, { id: itemId, kind: itemType });
  });
}

/** Marks an item done, in a transaction of its own (see completeItem). */
export async function recordCompletion(db: DB, personId: string, course: CompletingCourse, itemId: string, itemType: string): Promise<CompletionResult> {
  return db.transaction().execute((trx) => completeItem(trx, personId, course, itemId, itemType));
}
