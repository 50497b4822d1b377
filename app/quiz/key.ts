import type { QuestionFile } from "../content/quiz-schema";

/**
 * What grading needs of a question, without its texts: kept in the attempt (server-side only)
 * when the question is drawn, so an attempt is graded against the questions it was shown even
 * if the quiz file changes meanwhile.
 */
export type QuestionKey =
  | { id: string; type: "single" | "multiple"; options: { id: string; correct: boolean }[] }
  | { id: string; type: "true-false"; answer: boolean }
  | { id: string; type: "matching"; rows: { id: string; match: string }[] }
  | { id: string; type: "ordering"; items: { id: string }[] }
  | { id: string; type: "short-text"; accepted: Partial<Record<string, string[]>> };

export function questionKey(q: QuestionFile): QuestionKey {
  switch (q.type) {
    case "single":
    case "multiple":
      return { id: q.id, type: q.type, options: q.options.map((o) => ({ id: o.id, correct: o.correct })) };
    case "true-false":
      return { id: q.id, type: q.type, answer: q.answer };
    case "matching":
      return { id: q.id, type: q.type, rows: q.rows.map((r) => ({ id: r.id, match: r.match })) };
    case "ordering":
      return { id: q.id, type: q.type, items: q.items.map((i) => ({ id: i.id })) };
    case "short-text":
      return { id: q.id, type: q.type, accepted: q.accepted };
  }
}
