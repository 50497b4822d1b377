import { describe, expect, it } from "vitest";
import { initialTransition, transition } from "xstate";
import type { QuizFile } from "../content/quiz-schema";
import { quizAttemptMachine } from "../machines/quiz-attempt";
import { drawAttempt, quizSettings } from "./attempt";
import { quizView } from "./view.server";

const both = (es: string) => ({ es, en: es });
const file: QuizFile = {
  pass_mark: 80, attempts: 2, retry_wait_minutes: 0, feedback: "immediate", review: "answers-after-pass", grading: "highest",
  questions: [
    {
      id: "q1", type: "single", prompt: both("¿Cuál?"), fixed_order: false,
      options: [
        { id: "right", text: both("Correcta"), correct: true, feedback: both("SECRET-WHY-RIGHT") },
        { id: "wrong", text: both("Incorrecta"), correct: false, feedback: both("SECRET-WHY-WRONG") },
      ],
      feedback: { correct: both("SECRET-WELL-DONE"), incorrect: both("SECRET-TRY-AGAIN") },
    },
  ],
};

function started() {
  const [idle] = initialTransition(quizAttemptMachine, { settings: quizSettings(file) });
  const { keys, order } = drawAttempt(file, Math.random);
  return transition(quizAttemptMachine, idle, { type: "attempt.start", now: 0, keys, order })[0];
}

describe("the quiz page's data", () => {
  it("holds no answer key and no feedback before the question is answered", () => {
    const view = quizView(file, started(), "es", 1);
    expect(view.status).toBe("question");
    const json = JSON.stringify(view);
    expect(json).not.toMatch(/SECRET|"correct"/);
    expect(json).toContain("Correcta");
  });

  it("shows the feedback of the option chosen once answered", () => {
    const answered = transition(quizAttemptMachine, started(), { type: "answer.submit", now: 2, questionId: "q1", answer: { type: "single", optionId: "wrong" }, token: "t" })[0];
    const view = quizView(file, answered, "es", 3);
    expect(view.status).toBe("feedback");
    if (view.status !== "feedback") return;
    expect(view.feedback.score).toBe(0);
    expect(view.feedback.message).toBe("SECRET-TRY-AGAIN");
    expect(view.feedback.parts.find((p) => p.id === "wrong")).toMatchObject({ chosen: true, correct: false, feedback: "SECRET-WHY-WRONG" });
  });

  it("keeps the review of a failed attempt closed when answers open only after a pass", () => {
    let s = started();
    for (const e of [
      { type: "answer.submit" as const, now: 2, questionId: "q1", answer: { type: "single" as const, optionId: "wrong" }, token: "t" },
      { type: "question.next" as const, now: 3 },
      { type: "attempt.submit" as const, now: 4 },
    ]) s = transition(quizAttemptMachine, s, e)[0];
    const view = quizView(file, s, "es", 5);
    expect(view.status).toBe("result");
    expect(JSON.stringify(view)).not.toMatch(/SECRET/);
  });
});
