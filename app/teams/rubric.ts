import type { GroupTaskContent } from "../content/model";

// Scoring a group task by its rubric: one of each criterion's levels, for every criterion.

type Rubric = GroupTaskContent["rubric"];

/**
 * The scores a facilitator's form gave, when each criterion has exactly one of its own levels;
 * null when any is missing, unknown or not a level of that criterion.
 */
export function checkRubricScores(rubric: Rubric, given: Record<string, string | undefined>): Record<string, number> | null {
  const known = new Set(rubric.map((c) => c.id));
  if (Object.keys(given).some((id) => !known.has(id))) return null;
  const scores: Record<string, number> = {};
  for (const criterion of rubric) {
    const raw = given[criterion.id];
    if (raw === undefined || !/^\d{1,2}$/.test(raw)) return null;
    const score = Number(raw);
    if (!criterion.levels.some((l) => l.score === score)) return null;
    scores[criterion.id] = score;
  }
  return scores;
}

/** The highest total the rubric allows. */
export function rubricMaximum(rubric: Rubric): number {
  return rubric.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.score)), 0);
}
