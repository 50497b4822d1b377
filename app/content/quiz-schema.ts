import { z } from "zod";
import { LOCALES } from "../i18n/locales";

// The shape of quiz files (content/courses/<course>/quizzes/<item-id>.yaml; see content/README.md).

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lowercase words joined by hyphens (a-z, 0-9, -)");
const localized = z.partialRecord(z.enum(LOCALES), z.string().trim().min(1)).refine((v) => Object.keys(v).length > 0, "give at least one locale");
const localizedList = z.partialRecord(z.enum(LOCALES), z.array(z.string().trim().min(1)).min(1));

const feedback = z.strictObject({ correct: localized.optional(), incorrect: localized.optional() });

const option = z.strictObject({ id, text: localized, correct: z.boolean().default(false), feedback: localized.optional() });

const base = {
  id,
  prompt: localized,
  feedback: feedback.optional(),
  fixed_order: z.boolean().default(false),
};

const single = z.strictObject({ ...base, type: z.literal("single"), options: z.array(option).min(2) }).refine((q) => q.options.filter((o) => o.correct).length === 1, {
  message: "a single-choice question needs exactly one correct option",
  path: ["options"],
});

const multiple = z.strictObject({ ...base, type: z.literal("multiple"), options: z.array(option).min(2) }).refine((q) => q.options.some((o) => o.correct), {
  message: "a multiple-response question needs at least one correct option",
  path: ["options"],
});

const trueFalse = z.strictObject({ ...base, type: z.literal("true-false"), answer: z.boolean() });

const matching = z
  .strictObject({
    ...base,
    type: z.literal("matching"),
    rows: z.array(z.strictObject({ id, text: localized, match: id })).min(2),
    choices: z.array(z.strictObject({ id, text: localized })).min(2),
  })
  .refine((q) => q.rows.every((r) => q.choices.some((c) => c.id === r.match)), { message: "every row's match must name one of the choices", path: ["rows"] });

const ordering = z.strictObject({ ...base, type: z.literal("ordering"), items: z.array(z.strictObject({ id, text: localized })).min(3) });

const shortText = z.strictObject({ ...base, type: z.literal("short-text"), accepted: localizedList });

export const questionSchema = z.union([single, multiple, trueFalse, matching, ordering, shortText]);
export type QuestionFile = z.infer<typeof questionSchema>;

export const quizSchema = z
  .strictObject({
    pass_mark: z.number().int().min(1).max(100),
    attempts: z.union([z.number().int().positive(), z.literal("unlimited")]),
    retry_wait_minutes: z.number().min(0).default(0),
    time_limit_minutes: z.number().int().positive().optional(),
    feedback: z.enum(["immediate", "deferred"]),
    review: z.enum(["score-only", "answers-after-pass", "answers-after-last-attempt"]),
    grading: z.enum(["highest", "last"]).default("highest"),
    draw: z.number().int().positive().optional(),
    questions: z.array(questionSchema).min(1),
  })
  .refine((q) => q.draw === undefined || q.draw <= q.questions.length, { message: "draw asks for more questions than the pool has", path: ["draw"] });
export type QuizFile = z.infer<typeof quizSchema>;
