import { pick, type Localized } from "../content/model";
import type { QuestionFile, QuizFile } from "../content/quiz-schema";
import type { Locale } from "../i18n/locales";
import { countingResult, startRule, type QuizContext } from "../machines/quiz-attempt";
import type { QuizSnapshot } from "./attempt";
import type { Answer } from "./answers";
import { scoreQuestion } from "./scoring";

// What the quiz page may show, built on the server. Answer keys and feedback are included only
// for questions already answered (immediate feedback) or in results the review policy opens.

export interface Part {
  id: string;
  text: string;
}

export interface QuestionView {
  id: string;
  type: QuestionFile["type"];
  prompt: string;
  /** Options (single, multiple), items (ordering) or rows (matching), in the order shown. */
  parts: Part[];
  /** Matching only: the list each row chooses from. */
  choices: Part[];
  answer: Answer | null;
}

export interface FeedbackView {
  score: number;
  message: string | null;
  /** Per part: what it was, whether chosen, whether right, and what it teaches. */
  parts: { id: string; text: string; chosen: boolean; correct: boolean; feedback: string | null }[];
  /** The right answer in words, for types without options. */
  rightAnswer: string | null;
}

const text = (value: Localized | undefined, locale: Locale) => (value ? pick(value, locale) : "");

function questionView(q: QuestionFile, order: string[] | undefined, answer: Answer | undefined, locale: Locale): QuestionView {
  const ordered = <T extends { id: string }>(list: T[]) => (order ? order.map((id) => list.find((p) => p.id === id)).filter((p): p is T => !!p) : list);
  const parts =
    q.type === "single" || q.type === "multiple"
      ? ordered(q.options).map((o) => ({ id: o.id, text: text(o.text, locale) }))
      : q.type === "ordering"
        ? ordered(q.items).map((i) => ({ id: i.id, text: text(i.text, locale) }))
        : q.type === "matching"
          ? q.rows.map((r) => ({ id: r.id, text: text(r.text, locale) }))
          : [];
  const choices = q.type === "matching" ? ordered(q.choices).map((c) => ({ id: c.id, text: text(c.text, locale) })) : [];
  return { id: q.id, type: q.type, prompt: text(q.prompt, locale), parts, choices, answer: answer ?? null };
}

export function feedbackView(q: QuestionFile, answer: Answer | undefined, locale: Locale): FeedbackView {
  const score = scoreQuestion(q, answer);
  const message = text(score === 1 ? q.feedback?.correct : q.feedback?.incorrect, locale) || null;
  if (q.type === "single" || q.type === "multiple") {
    const chosen = new Set(answer?.type === "single" ? [answer.optionId] : answer?.type === "multiple" ? answer.optionIds : []);
    return {
      score,
      message,
      parts: q.options.map((o) => ({ id: o.id, text: text(o.text, locale), chosen: chosen.has(o.id), correct: o.correct, feedback: text(o.feedback, locale) || null })),
      rightAnswer: null,
    };
  }
  const rightAnswer =
    q.type === "true-false"
      ? String(q.answer)
      : q.type === "matching"
        ? q.rows.map((r) => `${text(r.text, locale)} → ${text(q.choices.find((c) => c.id === r.match)?.text, locale)}`).join("; ")
        : q.type === "ordering"
          ? q.items.map((i, n) => `${n + 1}. ${text(i.text, locale)}`).join(" ")
          : (q.accepted[locale] ?? Object.values(q.accepted)[0] ?? [])[0] ?? "";
  return { score, message, parts: [], rightAnswer };
}

export type QuizView = ReturnType<typeof quizView>;

/** The quiz page's data for the state the person's quiz is in. */
export function quizView(file: QuizFile, snapshot: QuizSnapshot, locale: Locale, now: number) {
  const context: QuizContext = snapshot.context;
  const byId = new Map(file.questions.map((q) => [q.id, q]));
  const counting = countingResult(context);
  const last = context.finished.at(-1) ?? null;
  const attemptsLeft = context.settings.attemptsAllowed === null ? null : Math.max(0, context.settings.attemptsAllowed - context.finished.length);
  const base = {
    settings: {
      passMark: file.pass_mark,
      attemptsAllowed: context.settings.attemptsAllowed,
      timeLimitMinutes: file.time_limit_minutes ?? null,
      retryWaitMinutes: file.retry_wait_minutes,
      feedback: file.feedback,
      questions: file.draw ?? file.questions.length,
    },
    attemptsUsed: context.finished.length,
    attemptsLeft,
    best: counting ? counting.percent : null,
    passed: context.finished.some((a) => a.passed),
    history: context.finished.map((a) => ({ number: a.number, percent: a.percent, passed: a.passed, timedOut: a.timedOut, finishedAt: a.finishedAt })),
    start: startRule(context, now),
    deadline: context.current?.deadline ?? null,
  };
  const current = context.current;
  if (!current || !snapshot.matches("answering")) {
    // Results: answers and feedback only when the review policy allows them now.
    const reviewOpen =
      file.review === "answers-after-pass" ? base.passed : file.review === "answers-after-last-attempt" ? attemptsLeft === 0 || base.passed : false;
    const review =
      reviewOpen && last
        ? last.questionIds.flatMap((id) => {
            const q = byId.get(id);
            return q ? [{ id, prompt: text(q.prompt, locale), feedback: feedbackView(q, last.answers[id], locale) }] : [];
          })
        : [];
    return { ...base, status: last ? ("result" as const) : ("intro" as const), last: last && { percent: last.percent, passed: last.passed, timedOut: last.timedOut }, review };
  }
  const key = current.keys[current.index];
  const question = key ? byId.get(key.id) : undefined;
  const position = { index: current.index + 1, total: current.keys.length };
  if (snapshot.matches({ answering: "review" })) {
    return {
      ...base,
      status: "review" as const,
      position,
      summary: current.keys.map((k, i) => ({ index: i + 1, prompt: text(byId.get(k.id)?.prompt, locale), answered: Boolean(current.answers[k.id]) })),
      canGoBack: context.settings.feedback === "deferred",
    };
  }
  if (!question) return { ...base, status: "missing" as const, position };
  const view = questionView(question, current.order[question.id], current.answers[question.id], locale);
  if (snapshot.matches({ answering: "showing" })) {
    return { ...base, status: "feedback" as const, position, question: view, feedback: feedbackView(question, current.answers[question.id], locale) };
  }
  return { ...base, status: "question" as const, position, question: view, canGoBack: context.settings.feedback === "deferred" && current.index > 0 };
}
