import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuizFile } from "../../app/content/quiz-schema";
import { applyQuizEvent, loadQuizState, type QuizRef } from "../../app/models/quiz.server";
import { drawAttempt, quizSettings } from "../../app/quiz/attempt";
import { courseOf, ok } from "../setup/results";
import { makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

const t2 = (es: string) => ({ es, en: es });
const quizFile: QuizFile = {
  pass_mark: 80, attempts: 3, retry_wait_minutes: 10, time_limit_minutes: 5, feedback: "immediate", review: "answers-after-pass", grading: "highest",
  questions: [
    { id: "q1", type: "true-false", prompt: t2("?"), fixed_order: false, answer: true },
    { id: "q2", type: "single", prompt: t2("?"), fixed_order: false, options: [{ id: "a", text: t2("A"), correct: true }, { id: "b", text: t2("B"), correct: false }] },
  ],
};
const ref: QuizRef = { course: courseOf("mini", ["check"]), quizId: "check", settings: quizSettings(quizFile) };
const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

async function started(personId: string) {
  const { keys, order } = drawAttempt(quizFile, () => 0.5);
  const result = await applyQuizEvent(t.db, personId, ref, { type: "attempt.start", now: T0, keys, order }, 0);
  if (!result.ok) throw new Error("could not start");
  return result.version;
}

const answerQ1 = (token: string, now = T0 + MIN) => ({ type: "answer.submit" as const, now, questionId: "q1", answer: { type: "true-false" as const, value: true }, token });

async function verbs(personId: string) {
  const rows = await t.db.selectFrom("learning_events").select("verb").where("actor_id", "=", personId).orderBy("stored_at").orderBy("verb").execute();
  return rows.map((r) => r.verb);
}

describe(`quiz state on the server (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("keeps answers across a restore, as after a server restart", async () => {
    const person = await makePerson(t.db);
    const version = await started(person.id);
    await applyQuizEvent(t.db, person.id, ref, answerQ1("form-1"), version);
    const { snapshot } = ok(await loadQuizState(t.db, person.id, ref));
    expect(snapshot.value).toEqual({ answering: "showing" });
    expect(snapshot.context.current?.answers).toEqual({ q1: { type: "true-false", value: true } });
  });

  it("records a doubled POST once", async () => {
    const person = await makePerson(t.db);
    const version = await started(person.id);
    const first = await applyQuizEvent(t.db, person.id, ref, answerQ1("form-1"), version);
    const again = await applyQuizEvent(t.db, person.id, ref, answerQ1("form-1"), version);
    expect(first).toMatchObject({ ok: true, changed: true });
    expect(again).toMatchObject({ ok: false, code: "stale" });
    expect((await verbs(person.id)).filter((v) => v === "answered")).toHaveLength(1);
  });

  it("lets one of two racing tabs win and shows the other the current state, losing and doubling nothing", async () => {
    const person = await makePerson(t.db);
    const version = await started(person.id);
    const results = await Promise.all([
      applyQuizEvent(t.db, person.id, ref, answerQ1("tab-a"), version),
      applyQuizEvent(t.db, person.id, ref, { ...answerQ1("tab-b"), answer: { type: "true-false", value: false } }, version),
    ]);
    expect(results.filter((r) => r.ok && r.changed)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, code: "stale", version: version + 1 });
    const { snapshot } = ok(await loadQuizState(t.db, person.id, ref));
    expect(Object.keys(snapshot.context.current?.answers ?? {})).toEqual(["q1"]);
    expect((await verbs(person.id)).filter((v) => v === "answered")).toHaveLength(1);
  });

  it("refuses an answer after the time limit and closes the attempt", async () => {
    const person = await makePerson(t.db);
    const version = await started(person.id);
    const late = await applyQuizEvent(t.db, person.id, ref, answerQ1("late", T0 + 6 * MIN), version);
    expect(late.ok && late.snapshot.value).toEqual({ graded: "failed" });
    expect(late.ok && late.snapshot.context.finished[0]).toMatchObject({ percent: 0, timedOut: true });
    expect(await verbs(person.id)).toEqual(expect.arrayContaining(["attempted", "completed", "failed"]));
    expect(await verbs(person.id)).not.toContain("answered");
  });

  it("runs the pass hook in the same transaction, once", async () => {
    const person = await makePerson(t.db);
    let version = await started(person.id);
    const steps = [
      answerQ1("a1"),
      { type: "question.next" as const, now: T0 + MIN },
      { type: "answer.submit" as const, now: T0 + 2 * MIN, questionId: "q2", answer: { type: "single" as const, optionId: "a" }, token: "a2" },
      { type: "question.next" as const, now: T0 + 2 * MIN },
      { type: "attempt.submit" as const, now: T0 + 3 * MIN },
    ];
    for (const step of steps) {
      const result = await applyQuizEvent(t.db, person.id, ref, step, version);
      if (!result.ok) throw new Error("stale");
      version = result.version;
    }
    const completions = await t.db.selectFrom("item_progress").select("completed_at").where("person_id", "=", person.id).where("course_id", "=", "mini").where("item_id", "=", "check").execute();
    expect(completions.map((c) => c.completed_at !== null)).toEqual([true]);
    expect(await verbs(person.id)).toEqual(expect.arrayContaining(["passed", "completed"]));
  });

  it("refuses, without a change, a state saved by another version of the quiz machine", async () => {
    const person = await makePerson(t.db);
    const version = await started(person.id);
    await t.db.updateTable("quiz_states").set({ machine_version: 99 }).where("person_id", "=", person.id).execute();
    expect(await loadQuizState(t.db, person.id, ref)).toEqual({ ok: false, code: "machine-version" });
    expect(await applyQuizEvent(t.db, person.id, ref, answerQ1("after-upgrade"), version)).toMatchObject({ ok: false, code: "machine-version" });
    expect((await verbs(person.id)).filter((v) => v === "answered")).toHaveLength(0);
  });
});
