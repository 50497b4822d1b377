import { initialTransition, transition } from "xstate";
import type { DB } from "../../db/client";
import type { CompletingCourse } from "../content/progress-course";
import { QUIZ_MACHINE_VERSION, quizAttemptMachine, type QuizContext, type QuizEvent, type QuizSettings } from "../machines/quiz-attempt";
import type { QuizSnapshot } from "../quiz/attempt";
import { quizEvents, quizResultOf } from "../quiz/events";
import { record } from "./learning/record.server";
import { loadVersionedState, stepVersionedState, type StateStore } from "./learning/versioned-state.server";
import type { Result } from "./result";

export interface QuizRef {
  /** The course the quiz is an item of: passing the quiz completes the item. */
  course: CompletingCourse;
  quizId: string;
  settings: QuizSettings;
}

function store(ref: QuizRef): StateStore<QuizSnapshot> {
  return {
    table: "quiz_states",
    machineVersion: QUIZ_MACHINE_VERSION,
    initial: () => initialTransition(quizAttemptMachine, { settings: ref.settings })[0],
    restore: (stored) => {
      const { value, context } = stored as { value: QuizSnapshot["value"]; context: QuizContext };
      // Settings follow the quiz file as it is now; the drawn questions stay as they were drawn.
      return quizAttemptMachine.resolveState({ value, context: { ...context, settings: ref.settings } });
    },
    persist: (snapshot) => ({ value: snapshot.value, context: snapshot.context }),
  };
}

const keyOf = (personId: string, ref: QuizRef) => ({ personId, courseId: ref.course.id, itemId: ref.quizId });

export type QuizCode = "stale" | "machine-version";

/** The person's quiz state and its row version (0: nothing stored yet). */
export async function loadQuizState(db: DB, personId: string, ref: QuizRef): Promise<Result<{ snapshot: QuizSnapshot; version: number }, "machine-version">> {
  const loaded = await loadVersionedState(db, store(ref), keyOf(personId, ref));
  return loaded.ok ? { ok: true, snapshot: loaded.state, version: loaded.version } : loaded;
}

export type QuizEventResult =
  | { ok: true; changed: boolean; snapshot: QuizSnapshot; version: number; passedNow: boolean }
  | { ok: false; code: QuizCode; snapshot: QuizSnapshot; version: number };

/**
 * Restores the person's quiz state, sends one event and saves the result with what it amounts
 * to (learning events, quiz results, and the item's completion when an attempt is newly passed)
 * in one transaction. `expectedVersion` is the version the page was showing: when the state has
 * moved on since (another tab, a repeated POST), nothing is changed and the current state is returned.
 */
export async function applyQuizEvent(db: DB, personId: string, ref: QuizRef, event: QuizEvent, expectedVersion: number | null): Promise<QuizEventResult> {
  return db.transaction().execute(async (trx) => {
    const step = await stepVersionedState(trx, store(ref), keyOf(personId, ref), expectedVersion, (before) => ({ state: transition(quizAttemptMachine, before, event)[0], extra: null }));
    if (!step.ok) return { ok: false, code: step.code === "machine-version" ? "machine-version" : "stale", snapshot: step.state, version: step.version } as const;
    if (!step.changed) return { ok: true, changed: false, snapshot: step.state, version: step.version, passedNow: false } as const;
    const before = step.before.context;
    const after = step.state.context;
    const finishedNow = after.finished.length > before.finished.length;
    const passedNow = finishedNow && after.finished.at(-1)?.passed === true;
    await record(trx, {
      personId,
      course: ref.course,
      item: { id: ref.quizId, kind: "quiz" },
      events: quizEvents(personId, { courseId: ref.course.id, quizId: ref.quizId }, before, after),
      quizResult: finishedNow ? quizResultOf(after) : null,
      completed: passedNow,
    });
    return { ok: true, changed: true, snapshot: step.state, version: step.version, passedNow } as const;
  });
}
