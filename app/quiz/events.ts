import type { LearningEvent } from "../learning/event";
import type { QuizContext } from "../machines/quiz-attempt";
import { scoreQuestion } from "./scoring";

/** The learning events that one step of the quiz machine amounts to (xAPI verbs). */
export function quizEvents(actorId: string, at: { courseId: string; quizId: string }, before: QuizContext, after: QuizContext): LearningEvent[] {
  const quizObject = { type: "quiz", id: `${at.courseId}/${at.quizId}` };
  const context = { course: at.courseId };
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
        events.push({ actorId, verb: "answered", object: { type: "question", id: `${at.courseId}/${at.quizId}/${key.id}` }, result: { response: answer, score: { scaled: score }, success: score === 1 }, context: { ...context, attempt: after.current.number, submission } });
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

/** What the quiz_results read model keeps of a person's finished attempts (ADR 004), or null before the first. */
export function quizResultOf(context: QuizContext): { attempts: number; bestPercent: number; lastPercent: number; passedAt: Date | null } | null {
  const finished = context.finished;
  const last = finished.at(-1);
  if (!last) return null;
  const firstPass = finished.find((a) => a.passed);
  return {
    attempts: finished.length,
    bestPercent: Math.max(...finished.map((a) => a.percent)),
    lastPercent: last.percent,
    passedAt: firstPass ? new Date(firstPass.finishedAt) : null,
  };
}
