import { normalizeText, type Answer } from "./answers";
import type { QuestionKey } from "./key";

/**
 * The score of one answer, between 0 and 1 (each question is worth 1). Runs only on the server.
 * Partial credit: multiple response (right picks − wrong picks) ÷ right options, never below 0;
 * matching and ordering by the share of rows or items placed right.
 */
export function scoreQuestion(question: QuestionKey, answer: Answer | undefined): number {
  if (!answer || answer.type !== question.type) return 0;
  switch (question.type) {
    case "single": {
      const chosen = (answer as Extract<Answer, { type: "single" }>).optionId;
      return question.options.some((o) => o.correct && o.id === chosen) ? 1 : 0;
    }
    case "multiple": {
      const chosen = new Set((answer as Extract<Answer, { type: "multiple" }>).optionIds);
      const right = question.options.filter((o) => o.correct);
      const rightPicks = right.filter((o) => chosen.has(o.id)).length;
      const wrongPicks = question.options.filter((o) => !o.correct && chosen.has(o.id)).length;
      return Math.max(0, (rightPicks - wrongPicks) / right.length);
    }
    case "true-false":
      return (answer as Extract<Answer, { type: "true-false" }>).value === question.answer ? 1 : 0;
    case "matching": {
      const choices = (answer as Extract<Answer, { type: "matching" }>).choices;
      return question.rows.filter((r) => choices[r.id] === r.match).length / question.rows.length;
    }
    case "ordering": {
      const positions = (answer as Extract<Answer, { type: "ordering" }>).positions;
      return question.items.filter((item, index) => positions[item.id] === index + 1).length / question.items.length;
    }
    case "short-text": {
      const given = normalizeText((answer as Extract<Answer, { type: "short-text" }>).text);
      if (!given) return 0;
      // An answer in any of the course's languages counts.
      return Object.values(question.accepted).some((list) => list?.some((a) => normalizeText(a) === given)) ? 1 : 0;
    }
  }
}

export interface AttemptScore {
  points: number;
  max: number;
  percent: number;
}

/** The score of an attempt over the questions it drew, as points and a whole percentage. */
export function scoreAttempt(questions: readonly QuestionKey[], answers: Readonly<Record<string, Answer>>): AttemptScore {
  const points = questions.reduce((sum, q) => sum + scoreQuestion(q, answers[q.id]), 0);
  const max = questions.length;
  return { points, max, percent: max ? Math.floor((points / max) * 100 + 1e-9) : 0 };
}
