import { z } from "zod";
import { LOCALES } from "../i18n/locales";

// The shape of course files (see content/README.md). Objects are strict: an unknown key is an
// error, so a typo never silently drops a setting.

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lowercase words joined by hyphens (a-z, 0-9, -)");
const localized = z.partialRecord(z.enum(LOCALES), z.string().trim().min(1)).refine((v) => Object.keys(v).length > 0, "give at least one locale");

export const ITEM_KINDS = ["lesson", "quiz", "scenario", "discussion", "session", "group-task"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

const item = z.strictObject({
  id,
  kind: z.enum(ITEM_KINDS),
  minutes: z.number().int().positive().max(600).optional(),
  requires: z.array(id).default([]),
  optional: z.boolean().default(false),
  title: localized.optional(),
  /** Discussion items only: the question the cohort is asked to talk about. */
  prompt: localized.optional(),
});

const courseModule = z.strictObject({
  id,
  title: localized,
  requires: z.array(id).default([]),
  items: z.array(item).min(1, "a module needs at least one item"),
});

export const courseSchema = z.strictObject({
  id,
  version: z.number().int().positive(),
  locales: z.partialRecord(z.enum(LOCALES), z.enum(["published", "draft"])).refine((v) => Object.keys(v).length > 0, "list at least one locale"),
  title: localized,
  summary: localized,
  minutes: z.number().int().positive(),
  open_to_all: z.boolean().default(false),
  certificate: z.boolean().default(false),
  completion: z.enum(["all-required"]).default("all-required"),
  modules: z.array(courseModule).min(1, "a course needs at least one module"),
});
export type CourseFile = z.infer<typeof courseSchema>;

export const lessonFrontMatterSchema = z.strictObject({
  title: z.string().trim().min(1),
  minutes: z.number().int().positive().max(600),
  sources: z.array(z.string().trim().min(1)).min(1, "cite at least one source"),
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
