import { z } from "zod";
import { LOCALES } from "../i18n/locales";

// The shape of group-task files (content/courses/<course>/group-tasks/<item-id>.yaml; see
// content/README.md): one piece of work a team of a cohort writes together, scored by the
// facilitator with the rubric and, when peer review is on, reviewed by other teams.

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lowercase words joined by hyphens (a-z, 0-9, -)");
const localized = z.partialRecord(z.enum(LOCALES), z.string().trim().min(1)).refine((v) => Object.keys(v).length > 0, "give at least one locale");

const level = z.strictObject({
  score: z.number().int().min(0).max(10),
  label: localized,
  description: localized,
});

export const groupTaskSchema = z.strictObject({
  /** Markdown: what the team produces. */
  instructions: localized,
  /** The headings the team's shared text starts with. */
  template: z.array(localized).default([]),
  /** Days after the cohort starts by which the work is due. */
  due_days: z.number().int().min(0).max(365),
  rubric: z
    .array(
      z.strictObject({
        id,
        criterion: localized,
        levels: z.array(level).min(2, "a criterion needs at least two levels"),
      }),
    )
    .default([]),
  peer_review: z
    .strictObject({
      reviews_per_team: z.number().int().min(1).max(5),
      /** Days after the due date during which teams review each other. */
      window_days: z.number().int().min(1).max(60),
      prompt: localized,
    })
    .optional(),
  sources: z.partialRecord(z.enum(LOCALES), z.array(z.string().trim().min(1)).min(1, "cite at least one source")),
});
export type GroupTaskFile = z.infer<typeof groupTaskSchema>;
