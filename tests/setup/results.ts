import type { CompletingCourse } from "../../app/content/progress-course";

/** The value of a model's result that the test needs to have succeeded (fails the test otherwise). */
export function ok<R extends { ok: boolean }>(result: R): Extract<R, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result as Extract<R, { ok: true }>;
}

/** A course of one module whose items are all required, for state tests that need a course around an item. */
export function courseOf(id: string, itemIds: string[]): CompletingCourse {
  return { id, modules: [{ id: "m", requires: [] }], items: itemIds.map((itemId) => ({ id: itemId, moduleId: "m", requires: [], optional: false, minutes: 5 })) };
}
