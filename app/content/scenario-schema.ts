import { z } from "zod";
import { LOCALES } from "../i18n/locales";

// The shape of scenario files (content/courses/<course>/scenarios/<item-id>.yaml; see
// content/README.md). The graph rules (reachability, dead ends, loops) are checked on the
// compiled machine by app/scenario/check.ts.

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lowercase words joined by hyphens (a-z, 0-9, -)");
const localized = z.partialRecord(z.enum(LOCALES), z.string().trim().min(1)).refine((v) => Object.keys(v).length > 0, "give at least one locale");
/** An earlier decision, as "<node-id>.<choice-id>". */
const decisionRef = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/, 'write earlier decisions as "<node-id>.<choice-id>"');

export const OUTCOMES = ["protected", "partial", "harmful"] as const;
export type Outcome = (typeof OUTCOMES)[number];

const choice = z.strictObject({
  id,
  text: localized,
  /** A node id or an ending id. */
  to: id,
  /** Why this decision mattered: shown in the debrief, never before deciding. */
  feedback: localized,
  score: z.number().int().min(-5).max(5).default(0),
  /** Offered only when every one of these earlier decisions was taken in this play. */
  requires: z.array(decisionRef).default([]),
  /** Not offered when any of these earlier decisions was taken in this play. */
  excludes: z.array(decisionRef).default([]),
});

const node = z.strictObject({
  id,
  /** Markdown: what the officer sees and hears at this point. */
  text: localized,
  choices: z.array(choice).min(1, "a decision point needs at least one choice"),
});

const ending = z.strictObject({
  id,
  outcome: z.enum(OUTCOMES),
  title: localized,
  /** Markdown: what happened as a result. */
  text: localized,
  /** Markdown: what the instruments say, and what the best course would have been. */
  debrief: localized,
  sources: z.array(z.string().trim().min(1)).min(1, "cite at least one source"),
});

export const scenarioSchema = z.strictObject({
  /** Shown before the first decision: who the officer is, where, what they know. */
  intro: localized,
  start: id,
  /** No play may take more decisions than this (the checker proves it). */
  max_steps: z.number().int().positive().max(50).default(25),
  nodes: z.array(node).min(1),
  endings: z.array(ending).min(1),
});
export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type ScenarioNode = ScenarioFile["nodes"][number];
export type ScenarioChoice = ScenarioNode["choices"][number];
export type ScenarioEnding = ScenarioFile["endings"][number];
