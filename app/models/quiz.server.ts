import { sql } from "kysely";
import { initialTransition, transition, type SnapshotFrom } from "xstate";
import type { DB } from "../../db/client";
import type { QuizFile } from "../content/quiz-schema";
import { QUIZ_MACHINE_VERSION, quizAttemptMachine, type QuizContext, type QuizEvent, type QuizSettings } from "../machines/quiz-attempt";
import { questionKey, type QuestionKey } from "../quiz/key";
import { scoreQuestion } from "../quiz/scoring";
import { appendLearningEvents, type LearningEvent } from "./learning-event.server";

export type QuizSnapshot = SnapshotFrom<typeof quizAttemptMachine>;

export interface QuizRef {
  courseId: string;
  quizId: string;
  settings: QuizSettings;
}

export function quizSettings(file: QuizFile): QuizSettings {
  return {
    passMark: file.pass_mark,
    attemptsAllowed: file.attempts === "unlimited" ? null : file.attempts,
    retryWaitMs: file.retry_wait_minutes * 60_000,
    timeLimitMs: file.time_limit_minutes ? file.time_limit_minutes * 60_000 : null,
    feedback: file.feedback,
    grading: file.grading,
  };
}

function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * The questions of a new attempt: all in file order, or `draw` of them at random; option (and
 * row, item) order shuffled unless the question fixes it. Drawn on the server, kept in the state.
 */
export function drawAttempt(file: QuizFile, random: () => number): { keys: QuestionKey[]; order: Record<string, string[]> } {
  const questions = file.draw ? shuffled(file.questions, random).slice(0, file.draw) : file.questions;
  const order: Record<string, string[]> = {};
  for (const q of questions) {
    const parts = "options" in q ? q.options : "items" in q ? q.items : "choices" in q ? q.choices : null;
    if (!parts) continue;
    const ids = parts.map((p) => p.id);
    // Ordering questions are always shuffled: their written order is the answer.
    order[q.id] = q.fixed_order && q.type !== "ordering" ? ids : shuffled(ids, random);
  }
  return { keys: questions.map(questionKey), order };
}

function restore(ref: QuizRef, stored: unknown): QuizSnapshot {
  const { value, context } = stored as { value: QuizSnapshot["value"]; context: QuizContext };
  // Settings follow the quiz file as it is now; the drawn questions stay as they were drawn.
  return quizAttemptMachine.resolveState({ value, context: { ...context, settings: ref.settings } });
}

function persisted(snapshot: QuizSnapshot) {
  return { value: snapshot.value, context: snapshot.context };
}

/** The person's quiz state and its row version (0: nothing stored yet). */
export async function loadQuizState(db: DB, personId: string, ref: QuizRef): Promise<{ snapshot: QuizSnapshot; version: number }> {
  const row = await db
    .selectFrom("quiz_states")
    .select(["snapshot", "version", "machine_version"])
    .where("person_id", "=", personId)
    .where("course_id", "=", ref.courseId)
    .where("quiz_id", "=", ref.quizId)
    .executeTakeFirst();
  if (!row) return { snapshot: initialTransition(quizAttemptMachine, { settings: ref.settings })[0], version: 0 };
  if (row.machine_version !== QUIZ_MACHINE_VERSION) throw new Error(`quiz state of machine version ${row.machine_version} needs a migration`);
  return { snapshot: restore(ref, row.snapshot), version: row.version };
}

export type QuizEventResult =
  | { ok: true; changed: boolean; snapshot: QuizSnapshot; version: number; passedNow: boolean }
  | { ok: false; reason: "stale"; snapshot: QuizSnapshot; version: number };

/**
 * Restores the person's quiz state, sends one event and saves the result with its learning
 * events in one transaction. `expectedVersion` is the version the page was showing: when the
 * state has moved on since (another tab, a repeated POST), nothing is changed and the current
 * state is returned. `onPassed` runs in the same transaction when an attempt is newly passed.
 */
export async function applyQuizEvent(
  db: DB,
  personId: string,
  ref: QuizRef,
  event: QuizEvent,
  expectedVersion: number | null,
  onPassed?: (trx: DB) => Promise<void>,
): Promise<QuizEventResult> {
  return db.transaction().execute(async (trx) => {
    const initial = initialTransition(quizAttemptMachine, { settings: ref.settings })[0];
    await trx
      .insertInto("quiz_states")
      .values({ person_id: personId, course_id: ref.courseId, quiz_id: ref.quizId, machine_version: QUIZ_MACHINE_VERSION, snapshot: JSON.stringify(persisted(initial)), version: 0 })
      .onConflict((oc) => oc.columns(["person_id", "course_id", "quiz_id"]).doNothing())
      .execute();
    // The row lock serialises every event of one person on one quiz, across processes.
    const row = await trx
      .selectFrom("quiz_states")
      .select(["snapshot", "version"])
      .where("person_id", "=", personId)
      .where("course_id", "=", ref.courseId)
      .where("quiz_id", "=", ref.quizId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const before = restore(ref, row.snapshot);
    if (expectedVersion !== null && expectedVersion !== row.version) return { ok: false, reason: "stale", snapshot: before, version: row.version } as const;

    const [after] = transition(quizAttemptMachine, before, event);
    if (JSON.stringify(persisted(after)) === JSON.stringify(persisted(before))) {
      return { ok: true, changed: false, snapshot: before, version: row.version, passedNow: false } as const;
    }
    const version = row.version + 1;
    await trx
      .updateTable("quiz_states")
      .set({ snapshot: JSON.stringify(persisted(after)), version, machine_version: QUIZ_MACHINE_VERSION, updated_at: sql`now()` })
      .where("person_id", "=", personId)
      .where("course_id", "=", ref.courseId)
      .where("quiz_id", "=", ref.quizId)
      .execute();
    await appendLearningEvents(trx, eventsBetween(personId, ref, before.context, after.context));
    if (after.context.finished.length > before.context.finished.length) await recordQuizResult(trx, personId, ref, after.context);
    const newest = after.context.finished.at(-1);
    const passedNow = after.context.finished.length > before.context.finished.length && newest?.passed === true;
    if (passedNow && onPassed) await onPassed(trx);
    return { ok: true, changed: true, snapshot: after, version, passedNow } as const;
  });
}

/**
 * Keeps the quiz_results read model (attempts, best and last score, first pass) in step with the
 * state, in the caller's transaction: coordinator reports sort and filter on it (ADR 004).
 */
async function recordQuizResult(trx: DB, personId: string, ref: QuizRef, context: QuizContext): Promise<void> {
  const finished = context.finished;
  const last = finished.at(-1);
  if (!last) return;
  const firstPass = finished.find((a) => a.passed);
  const values = {
    attempts: finished.length,
    best_percent: Math.max(...finished.map((a) => a.percent)),
    last_percent: last.percent,
    passed_at: firstPass ? new Date(firstPass.finishedAt) : null,
    updated_at: sql<Date>`now()`,
  };
  await trx
    .insertInto("quiz_results")
    .values({ person_id: personId, course_id: ref.courseId, quiz_id: ref.quizId, ...values })
    .onConflict((oc) => oc.columns(["person_id", "course_id", "quiz_id"]).doUpdateSet(values))
    .execute();
}

/** The learning events that one step of the machine amounts to (xAPI verbs). */
export function eventsBetween(actorId: string, ref: QuizRef, before: QuizContext, after: QuizContext): LearningEvent[] {
  const quizObject = { type: "quiz", id: `${ref.courseId}/${ref.quizId}` };
  const context = { course: ref.courseId };
  const events: LearningEvent[] = [];
  const startedNew = after.current && after.current.number !== before.current?.number;
  if (startedNew) events.push({ actorId, verb: "attempted", object: quizObject, context: { ...context, attempt: after.current!.number } });
  const beforeTokens = startedNew ? 0 : (before.current?.tokens.length ?? 0);
  const afterAnswers = after.current?.answers ?? {};
  if (after.current && after.current.tokens.length > beforeTokens) {
    // The form's one-time token: ties the event to the very submission that was acknowledged.
    const submission = after.current.tokens.at(-1);
    for (const key of after.current.keys) {
      const answer = afterAnswers[key.id];
      if (answer && JSON.stringify(answer) !== JSON.stringify(before.current?.answers[key.id])) {
        const score = scoreQuestion(key, answer);
        events.push({ actorId, verb: "answered", object: { type: "question", id: `${ref.courseId}/${ref.quizId}/${key.id}` }, result: { response: answer, score: { scaled: score }, success: score === 1 }, context: { ...context, attempt: after.current.number, submission } });
      }
    }
  }
  if (after.finished.length > before.finished.length) {
    const done = after.finished.at(-1)!;
    const result = { score: { scaled: done.percent / 100 }, success: done.passed, completion: true, ...(done.timedOut ? { extensions: { timedOut: true } } : {}) };
    events.push({ actorId, verb: "completed", object: quizObject, result, context: { ...context, attempt: done.number } });
    events.push({ actorId, verb: done.passed ? "passed" : "failed", object: quizObject, result, context: { ...context, attempt: done.number } });
  }
  return events;
}
