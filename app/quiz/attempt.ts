import type { SnapshotFrom } from "xstate";
import type { QuizFile } from "../content/quiz-schema";
import type { QuizSettings } from "../machines/quiz-attempt";
import type { quizAttemptMachine } from "../machines/quiz-attempt";
import { questionKey, type QuestionKey } from "./key";

// The quiz rules that need the quiz file: its settings and how an attempt's questions are drawn.

export type QuizSnapshot = SnapshotFrom<typeof quizAttemptMachine>;

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
