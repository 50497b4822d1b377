import { describe, expect, it } from "vitest";
import { initialTransition, transition, type SnapshotFrom } from "xstate";
import { getShortestPaths } from "xstate/graph";
import type { QuestionKey } from "../quiz/key";
import { countingResult, quizAttemptMachine, startRule, type QuizEvent, type QuizSettings } from "./quiz-attempt";

type Snapshot = SnapshotFrom<typeof quizAttemptMachine>;

const keys: QuestionKey[] = [
  { id: "q1", type: "true-false", answer: true },
  { id: "q2", type: "single", options: [{ id: "a", correct: true }, { id: "b", correct: false }] },
];
const order = { q2: ["b", "a"] };
const MIN = 60_000;

const settings = (overrides: Partial<QuizSettings> = {}): QuizSettings => ({
  passMark: 80, attemptsAllowed: 2, retryWaitMs: 10 * MIN, timeLimitMs: null, feedback: "immediate", grading: "highest", ...overrides,
});

function play(s: QuizSettings, ...events: QuizEvent[]): Snapshot {
  let [snapshot] = initialTransition(quizAttemptMachine, { settings: s });
  for (const event of events) [snapshot] = transition(quizAttemptMachine, snapshot, event);
  return snapshot;
}

const start = (now = 0): QuizEvent => ({ type: "attempt.start", now, keys, order });
const answerQ1 = (value: boolean, now = 1, token = `t1-${now}`): QuizEvent => ({ type: "answer.submit", now, questionId: "q1", answer: { type: "true-false", value }, token });
const answerQ2 = (optionId: string, now = 2, token = `t2-${now}`): QuizEvent => ({ type: "answer.submit", now, questionId: "q2", answer: { type: "single", optionId }, token });
const next = (now = 1): QuizEvent => ({ type: "question.next", now });
const submit = (now = 3): QuizEvent => ({ type: "attempt.submit", now });

describe("a quiz attempt with immediate feedback", () => {
  it("shows feedback after each answer, then a summary, then the grade", () => {
    let s = play(settings(), start());
    expect(s.value).toEqual({ answering: "question" });
    s = transition(quizAttemptMachine, s, answerQ1(true))[0];
    expect(s.value).toEqual({ answering: "showing" });
    s = transition(quizAttemptMachine, s, next())[0];
    expect(s.context.current?.index).toBe(1);
    s = transition(quizAttemptMachine, s, answerQ2("a"))[0];
    s = transition(quizAttemptMachine, s, next(2))[0];
    expect(s.value).toEqual({ answering: "review" });
    s = transition(quizAttemptMachine, s, submit())[0];
    expect(s.value).toEqual({ graded: "passed" });
    expect(s.context.finished).toEqual([
      { number: 1, startedAt: 0, finishedAt: 3, percent: 100, passed: true, timedOut: false, questionIds: ["q1", "q2"], answers: { q1: { type: "true-false", value: true }, q2: { type: "single", optionId: "a" } } },
    ]);
    expect(s.context.current).toBeNull();
  });

  it("records a repeated answer form once, and ignores an answer to another question", () => {
    const s = play(settings(), start(), answerQ2("a", 1, "x"), answerQ1(false, 1, "tok"), answerQ1(true, 1, "tok"));
    expect(s.context.current?.answers).toEqual({ q1: { type: "true-false", value: false } });
    expect(s.context.current?.tokens).toEqual(["tok"]);
  });
});

describe("time limits", () => {
  const timed = settings({ timeLimitMs: 5 * MIN });

  it("refuses an answer after the limit and closes the attempt with the answers given", () => {
    const s = play(timed, start(), answerQ1(true, 1), next(2), answerQ2("a", 6 * MIN));
    expect(s.value).toEqual({ graded: "failed" });
    expect(s.context.finished[0]).toMatchObject({ percent: 50, timedOut: true, finishedAt: 5 * MIN });
  });

  it("closes itself when next opened after the limit", () => {
    const s = play(timed, start(), { type: "clock.tick", now: 4 * MIN });
    expect(s.value).toEqual({ answering: "question" });
    expect(transition(quizAttemptMachine, s, { type: "clock.tick", now: 5 * MIN + 1 })[0].value).toEqual({ graded: "failed" });
  });
});

describe("retries", () => {
  const failed = () => play(settings(), start(), answerQ1(false), next(), answerQ2("b"), next(2), submit(10));

  it("opens another attempt only after the waiting time", () => {
    const s = failed();
    expect(s.value).toEqual({ graded: "failed" });
    expect(startRule(s.context, 10 + 5 * MIN)).toEqual({ ok: false, reason: "wait", until: 10 + 10 * MIN });
    expect(transition(quizAttemptMachine, s, start(10 + 5 * MIN))[0].value).toEqual({ graded: "failed" });
    expect(transition(quizAttemptMachine, s, start(10 + 10 * MIN))[0].value).toEqual({ answering: "question" });
  });

  it("stops when the attempts are used up", () => {
    let s = failed();
    s = [start(20 * MIN), answerQ1(false, 20 * MIN), next(20 * MIN), answerQ2("b", 20 * MIN), next(20 * MIN), submit(21 * MIN)].reduce(
      (snap, e) => transition(quizAttemptMachine, snap, e)[0],
      s,
    );
    expect(s.context.finished).toHaveLength(2);
    expect(startRule(s.context, 99 * MIN)).toEqual({ ok: false, reason: "no-attempts-left" });
  });

  it("counts the best or the last attempt, per the grading rule", () => {
    const attempts = [
      { number: 1, startedAt: 0, finishedAt: 1, percent: 90, passed: true, timedOut: false, questionIds: [], answers: {} },
      { number: 2, startedAt: 2, finishedAt: 3, percent: 50, passed: false, timedOut: false, questionIds: [], answers: {} },
    ];
    expect(countingResult({ settings: settings(), current: null, finished: attempts })?.percent).toBe(90);
    expect(countingResult({ settings: settings({ grading: "last" }), current: null, finished: attempts })?.percent).toBe(50);
  });
});

describe("deferred feedback", () => {
  it("moves on after each answer, allows going back from the summary, and grades at the end", () => {
    const deferred = settings({ feedback: "deferred" });
    let s = play(deferred, start(), answerQ1(true));
    expect(s.value).toEqual({ answering: "question" });
    expect(s.context.current?.index).toBe(1);
    s = transition(quizAttemptMachine, s, answerQ2("b"))[0];
    expect(s.value).toEqual({ answering: "review" });
    s = transition(quizAttemptMachine, s, { type: "question.goto", now: 3, index: 1 })[0];
    s = transition(quizAttemptMachine, s, answerQ2("a", 4))[0];
    s = transition(quizAttemptMachine, s, submit(5))[0];
    expect(s.context.finished[0]).toMatchObject({ percent: 100, passed: true });
  });
});

describe("every reachable state", () => {
  it("is reached by some path of sample events", () => {
    const events = (s: Snapshot): QuizEvent[] => {
      const now = (s.context.finished.at(-1)?.finishedAt ?? 0) + 10 * MIN;
      const current = s.context.current;
      const qid = current?.keys[current.index]?.id;
      const answers: QuizEvent[] = qid === "q1"
        ? [answerQ1(true, now, `${current!.number}-q1-t`), answerQ1(false, now, `${current!.number}-q1-f`)]
        : qid === "q2" ? [answerQ2("a", now, `${current!.number}-q2-a`), answerQ2("b", now, `${current!.number}-q2-b`)] : [];
      return [start(now), ...answers, next(now), submit(now), { type: "question.goto", now, index: 0 }, { type: "clock.tick", now: now + 99 * MIN }];
    };
    const reached = new Set<string>();
    for (const s of [settings(), settings({ feedback: "deferred", timeLimitMs: 5 * MIN })]) {
      for (const path of getShortestPaths(quizAttemptMachine, { input: { settings: s }, events })) reached.add(JSON.stringify(path.state.value));
    }
    expect([...reached].sort()).toEqual(
      ['"idle"', '{"answering":"question"}', '{"answering":"review"}', '{"answering":"showing"}', '{"graded":"failed"}', '{"graded":"passed"}'].sort(),
    );
  });
});
