import { and, assign, setup } from "xstate";
import type { Answer } from "../quiz/answers";
import type { QuestionKey } from "../quiz/key";
import { scoreAttempt } from "../quiz/scoring";

/**
 * One person's attempts at one quiz. Pure: no clock, no randomness, no I/O. Events carry the
 * time (`now`, ms) and the server draws the questions and option orders before starting an
 * attempt. The snapshot is stored in the database with MACHINE_VERSION after every event.
 */
export const QUIZ_MACHINE_VERSION = 1;

export interface QuizSettings {
  passMark: number;
  /** null: unlimited. */
  attemptsAllowed: number | null;
  retryWaitMs: number;
  /** null: no time limit. */
  timeLimitMs: number | null;
  feedback: "immediate" | "deferred";
  grading: "highest" | "last";
}

export interface CurrentAttempt {
  number: number;
  startedAt: number;
  deadline: number | null;
  /** The drawn questions in the order shown, with what grading needs (never sent to the browser). */
  keys: QuestionKey[];
  /** Option, row or item order per question, as shown. */
  order: Record<string, string[]>;
  answers: Record<string, Answer>;
  index: number;
  /** Tokens of the answer forms already recorded: a repeated POST records once. */
  tokens: string[];
}

export interface FinishedAttempt {
  number: number;
  startedAt: number;
  finishedAt: number;
  percent: number;
  passed: boolean;
  /** Closed by the time limit rather than submitted. */
  timedOut: boolean;
  /** What was asked and answered, for the review the quiz's policy may open. */
  questionIds: string[];
  answers: Record<string, Answer>;
}

export interface QuizContext {
  settings: QuizSettings;
  current: CurrentAttempt | null;
  finished: FinishedAttempt[];
}

export type QuizEvent =
  | { type: "attempt.start"; now: number; keys: QuestionKey[]; order: Record<string, string[]> }
  | { type: "answer.submit"; now: number; questionId: string; answer: Answer; token: string }
  | { type: "question.next"; now: number }
  | { type: "question.goto"; now: number; index: number }
  | { type: "attempt.review"; now: number }
  | { type: "attempt.submit"; now: number }
  | { type: "clock.tick"; now: number };

const expired = (context: QuizContext, now: number) => context.current?.deadline != null && now > context.current.deadline;

/** Whether another attempt may start now, and if not, why (for the page). */
export function startRule(context: QuizContext, now: number): { ok: true } | { ok: false; reason: "passed-final" | "no-attempts-left" | "wait"; until?: number } {
  const { settings, finished } = context;
  if (settings.attemptsAllowed !== null && finished.length >= settings.attemptsAllowed) return { ok: false, reason: "no-attempts-left" };
  const last = finished.at(-1);
  if (last && !last.passed && now < last.finishedAt + settings.retryWaitMs) return { ok: false, reason: "wait", until: last.finishedAt + settings.retryWaitMs };
  return { ok: true };
}

/** The result that counts: the best or the last attempt, per the quiz's grading rule. */
export function countingResult(context: QuizContext): FinishedAttempt | null {
  if (context.finished.length === 0) return null;
  if (context.settings.grading === "last") return context.finished.at(-1) ?? null;
  return context.finished.reduce((best, a) => (a.percent > best.percent ? a : best));
}

/** Grades the current attempt (on the server: the keys never leave it) and files it. */
function closeAttempt(context: QuizContext, now: number, timedOut: boolean): Partial<QuizContext> {
  const current = context.current;
  if (!current) return {};
  const { percent } = scoreAttempt(current.keys, current.answers);
  const attempt: FinishedAttempt = {
    number: current.number,
    startedAt: current.startedAt,
    finishedAt: timedOut && current.deadline !== null ? current.deadline : now,
    percent,
    passed: percent >= context.settings.passMark,
    timedOut,
    questionIds: current.keys.map((k) => k.id),
    answers: current.answers,
  };
  return { current: null, finished: [...context.finished, attempt] };
}

export const quizAttemptMachine = setup({
  types: {
    context: {} as QuizContext,
    events: {} as QuizEvent,
    input: {} as { settings: QuizSettings },
  },
  guards: {
    mayStart: ({ context, event }) => event.type === "attempt.start" && event.keys.length > 0 && startRule(context, event.now).ok,
    expired: ({ context, event }) => expired(context, event.now),
    answerAccepted: ({ context, event }) => {
      if (event.type !== "answer.submit" || !context.current) return false;
      const { current } = context;
      return current.keys[current.index]?.id === event.questionId && !current.tokens.includes(event.token);
    },
    immediateFeedback: ({ context }) => context.settings.feedback === "immediate",
    deferredFeedback: ({ context }) => context.settings.feedback === "deferred",
    onLastQuestion: ({ context }) => !!context.current && context.current.index >= context.current.keys.length - 1,
    validIndex: ({ context, event }) => event.type === "question.goto" && !!context.current && event.index >= 0 && event.index < context.current.keys.length,
    lastPassed: ({ context }) => context.finished.at(-1)?.passed === true,
  },
  actions: {
    begin: assign(({ context, event }) => {
      if (event.type !== "attempt.start") return {};
      const limit = context.settings.timeLimitMs;
      return {
        current: {
          number: context.finished.length + 1,
          startedAt: event.now,
          deadline: limit === null ? null : event.now + limit,
          keys: event.keys,
          order: event.order,
          answers: {},
          index: 0,
          tokens: [],
        },
      };
    }),
    recordAnswer: assign(({ context, event }) => {
      if (event.type !== "answer.submit" || !context.current) return {};
      const current = context.current;
      return { current: { ...current, answers: { ...current.answers, [event.questionId]: event.answer }, tokens: [...current.tokens, event.token] } };
    }),
    advance: assign(({ context }) => (context.current ? { current: { ...context.current, index: context.current.index + 1 } } : {})),
    goTo: assign(({ context, event }) => (event.type === "question.goto" && context.current ? { current: { ...context.current, index: event.index } } : {})),
    submit: assign(({ context }, params: { now: number }) => closeAttempt(context, params.now, false)),
    timeOut: assign(({ context }, params: { now: number }) => closeAttempt(context, params.now, true)),
  },
}).createMachine({
  id: "quizAttempt",
  context: ({ input }) => ({ settings: input.settings, current: null, finished: [] }),
  initial: "idle",
  states: {
    // Before the first attempt, and between attempts.
    idle: {
      on: { "attempt.start": { guard: "mayStart", target: "answering", actions: "begin" } },
    },
    answering: {
      initial: "question",
      // The time limit closes the attempt with the answers given so far.
      on: {
        "clock.tick": { guard: "expired", target: "graded", actions: { type: "timeOut", params: ({ event }) => ({ now: event.now }) } },
      },
      states: {
        question: {
          on: {
            "answer.submit": [
              { guard: "expired", target: "#quizAttempt.graded", actions: { type: "timeOut", params: ({ event }) => ({ now: event.now }) } },
              { guard: "answerAccepted", target: "feedback", actions: "recordAnswer" },
            ],
            "question.goto": { guard: and(["deferredFeedback", "validIndex"]), actions: "goTo" },
            "attempt.review": { guard: "deferredFeedback", target: "#quizAttempt.answering.review" },
          },
        },
        // After an answer: with immediate feedback it is shown until "next"; otherwise move on.
        feedback: {
          always: [
            { guard: "immediateFeedback", target: "showing" },
            { guard: "onLastQuestion", target: "review" },
            { target: "question", actions: "advance" },
          ],
        },
        showing: {
          on: {
            "question.next": [
              { guard: "expired", target: "#quizAttempt.graded", actions: { type: "timeOut", params: ({ event }) => ({ now: event.now }) } },
              { guard: "onLastQuestion", target: "review" },
              { target: "question", actions: "advance" },
            ],
          },
        },
        // The summary before submitting.
        review: {
          on: {
            "question.goto": { guard: and(["deferredFeedback", "validIndex"]), target: "question", actions: "goTo" },
            "attempt.submit": [
              { guard: "expired", target: "#quizAttempt.graded", actions: { type: "timeOut", params: ({ event }) => ({ now: event.now }) } },
              { target: "#quizAttempt.graded", actions: { type: "submit", params: ({ event }) => ({ now: event.now }) } },
            ],
          },
        },
      },
    },
    graded: {
      initial: "check",
      states: {
        check: { always: [{ guard: "lastPassed", target: "passed" }, { target: "failed" }] },
        passed: {},
        failed: {},
      },
      // Another attempt (a retry, or improving a pass) when the rules allow it.
      on: { "attempt.start": { guard: "mayStart", target: "answering", actions: "begin" } },
    },
  },
});
