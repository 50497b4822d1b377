import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { QuestionFile } from "../content/quiz-schema";
import type { Answer } from "./answers";
import { scoreAttempt, scoreQuestion } from "./scoring";

const t = (es: string) => ({ es, en: es });

const single: QuestionFile = {
  id: "single", type: "single", prompt: t("?"), fixed_order: false,
  options: [{ id: "a", text: t("A"), correct: true }, { id: "b", text: t("B"), correct: false }, { id: "c", text: t("C"), correct: false }],
};
const multiple: QuestionFile = {
  id: "multiple", type: "multiple", prompt: t("?"), fixed_order: false,
  options: [{ id: "a", text: t("A"), correct: true }, { id: "b", text: t("B"), correct: true }, { id: "c", text: t("C"), correct: false }, { id: "d", text: t("D"), correct: false }],
};
const trueFalse: QuestionFile = { id: "tf", type: "true-false", prompt: t("?"), fixed_order: false, answer: false };
const matching: QuestionFile = {
  id: "matching", type: "matching", prompt: t("?"), fixed_order: false,
  rows: [{ id: "r1", text: t("1"), match: "x" }, { id: "r2", text: t("2"), match: "y" }],
  choices: [{ id: "x", text: t("X") }, { id: "y", text: t("Y") }],
};
const ordering: QuestionFile = {
  id: "ordering", type: "ordering", prompt: t("?"), fixed_order: false,
  items: [{ id: "prepare", text: t("1") }, { id: "look", text: t("2") }, { id: "listen", text: t("3") }, { id: "link", text: t("4") }],
};
const shortText: QuestionFile = { id: "short", type: "short-text", prompt: t("?"), fixed_order: false, accepted: { es: ["Ministerio Público"], en: ["public prosecutor"] } };
const all = [single, multiple, trueFalse, matching, ordering, shortText];

describe("scoring one answer", () => {
  it("gives single choice and true/false all or nothing", () => {
    expect(scoreQuestion(single, { type: "single", optionId: "a" })).toBe(1);
    expect(scoreQuestion(single, { type: "single", optionId: "b" })).toBe(0);
    expect(scoreQuestion(trueFalse, { type: "true-false", value: false })).toBe(1);
    expect(scoreQuestion(trueFalse, { type: "true-false", value: true })).toBe(0);
  });

  it("gives multiple response partial credit, wrong picks cancelling right ones, never below 0", () => {
    expect(scoreQuestion(multiple, { type: "multiple", optionIds: ["a", "b"] })).toBe(1);
    expect(scoreQuestion(multiple, { type: "multiple", optionIds: ["a"] })).toBe(0.5);
    expect(scoreQuestion(multiple, { type: "multiple", optionIds: ["a", "b", "c"] })).toBe(0.5);
    expect(scoreQuestion(multiple, { type: "multiple", optionIds: ["a", "b", "c", "d"] })).toBe(0);
    expect(scoreQuestion(multiple, { type: "multiple", optionIds: ["c", "d"] })).toBe(0);
  });

  it("gives matching and ordering the share placed right", () => {
    expect(scoreQuestion(matching, { type: "matching", choices: { r1: "x", r2: "x" } })).toBe(0.5);
    expect(scoreQuestion(ordering, { type: "ordering", positions: { prepare: 1, look: 2, listen: 4, link: 3 } })).toBe(0.5);
  });

  it("matches short text ignoring case, accents and spacing, in any of the course's languages", () => {
    expect(scoreQuestion(shortText, { type: "short-text", text: "  ministerio   publico " })).toBe(1);
    expect(scoreQuestion(shortText, { type: "short-text", text: "Public Prosecutor" })).toBe(1);
    expect(scoreQuestion(shortText, { type: "short-text", text: "fiscalía" })).toBe(0);
    expect(scoreQuestion(shortText, { type: "short-text", text: "" })).toBe(0);
  });

  it("scores a missing answer or one of the wrong type as 0", () => {
    expect(scoreQuestion(single, undefined)).toBe(0);
    expect(scoreQuestion(single, { type: "true-false", value: true })).toBe(0);
  });
});

// Any answer the forms could send, for any of the sample questions.
const anyAnswer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({ type: fc.constant("single" as const), optionId: fc.constantFrom("a", "b", "c", "d", "zz") }),
  fc.record({ type: fc.constant("multiple" as const), optionIds: fc.subarray(["a", "b", "c", "d", "zz"]) }),
  fc.record({ type: fc.constant("true-false" as const), value: fc.boolean() }),
  fc.record({ type: fc.constant("matching" as const), choices: fc.record({ r1: fc.constantFrom("x", "y", "q"), r2: fc.constantFrom("x", "y", "q") }) }),
  fc.record({ type: fc.constant("ordering" as const), positions: fc.record({ prepare: fc.integer({ min: 0, max: 5 }), look: fc.integer({ min: 0, max: 5 }), listen: fc.integer({ min: 0, max: 5 }), link: fc.integer({ min: 0, max: 5 }) }) }),
  fc.record({ type: fc.constant("short-text" as const), text: fc.string({ maxLength: 30 }) }),
);

describe("scoring properties", () => {
  it("always scores a question between 0 and 1", () => {
    fc.assert(fc.property(fc.constantFrom(...all), anyAnswer, (question, answer) => {
      const score = scoreQuestion(question, answer);
      return score >= 0 && score <= 1;
    }));
  });

  it("keeps an attempt's score between 0 and its maximum, whatever was answered", () => {
    fc.assert(fc.property(fc.array(anyAnswer, { minLength: all.length, maxLength: all.length }), (answers) => {
      const byId = Object.fromEntries(all.map((q, i) => [q.id, answers[i]!]));
      const { points, max, percent } = scoreAttempt(all, byId);
      return points >= 0 && points <= max && percent >= 0 && percent <= 100;
    }));
  });

  it("does not depend on the order in which questions were answered", () => {
    fc.assert(fc.property(fc.array(anyAnswer, { minLength: all.length, maxLength: all.length }), fc.infiniteStream(fc.nat()), (answers, seeds) => {
      const entries = all.map((q, i) => [q.id, answers[i]!] as const);
      const shuffled = [...entries].sort(() => (seeds.next().value % 3) - 1);
      return scoreAttempt(all, Object.fromEntries(entries)).percent === scoreAttempt(all, Object.fromEntries(shuffled)).percent;
    }));
  });

  it("gives 100 % to the right answers", () => {
    const right: Record<string, Answer> = {
      single: { type: "single", optionId: "a" },
      multiple: { type: "multiple", optionIds: ["b", "a"] },
      tf: { type: "true-false", value: false },
      matching: { type: "matching", choices: { r1: "x", r2: "y" } },
      ordering: { type: "ordering", positions: { prepare: 1, look: 2, listen: 3, link: 4 } },
      short: { type: "short-text", text: "ministerio publico" },
    };
    expect(scoreAttempt(all, right)).toEqual({ points: 6, max: 6, percent: 100 });
  });
});
