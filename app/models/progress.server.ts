import { initialTransition, transition, type SnapshotFrom } from "xstate";
import type { DB } from "../../db/client";
import { courseProgressMachine, type ProgressCourse } from "../machines/course-progress";

type ProgressSnapshot = SnapshotFrom<typeof courseProgressMachine>;

export interface ProgressFacts {
  viewed: string[];
  completed: string[];
}

/** What one person has viewed and completed in each course (all their courses at once). */
export async function factsByCourse(db: DB, personId: string): Promise<Map<string, ProgressFacts>> {
  const rows = await db
    .selectFrom("item_progress")
    .select(["course_id", "item_id", "completed_at"])
    .where("person_id", "=", personId)
    .orderBy("first_viewed_at")
    .execute();
  const facts = new Map<string, ProgressFacts>();
  for (const row of rows) {
    const entry = facts.get(row.course_id) ?? { viewed: [], completed: [] };
    entry.viewed.push(row.item_id);
    if (row.completed_at) entry.completed.push(row.item_id);
    facts.set(row.course_id, entry);
  }
  return facts;
}

export async function factsFor(db: DB, personId: string, courseId: string): Promise<ProgressFacts> {
  const rows = await db
    .selectFrom("item_progress")
    .select(["item_id", "completed_at"])
    .where("person_id", "=", personId)
    .where("course_id", "=", courseId)
    .orderBy("first_viewed_at")
    .execute();
  return { viewed: rows.map((r) => r.item_id), completed: rows.filter((r) => r.completed_at).map((r) => r.item_id) };
}

/**
 * Restores the progress machine from stored facts. Items no longer in the course are dropped;
 * an item finished before a rule change stays finished.
 */
export function progressSnapshot(course: ProgressCourse, facts: ProgressFacts): ProgressSnapshot {
  const known = new Set(course.items.map((i) => i.id));
  return initialTransition(courseProgressMachine, {
    course,
    viewed: facts.viewed.filter((id) => known.has(id)),
    completed: facts.completed.filter((id) => known.has(id)),
  })[0];
}

/** The same progress with one more item viewed (what a view just stored), without reading it back. */
export function withView(snapshot: ProgressSnapshot, itemId: string): ProgressSnapshot {
  return transition(courseProgressMachine, snapshot, { type: "item.viewed", itemId })[0];
}

/** The same progress with one more item done (what a completion just stored), without reading it back. */
export function withCompletion(snapshot: ProgressSnapshot, itemId: string): ProgressSnapshot {
  return transition(courseProgressMachine, snapshot, { type: "item.completed", itemId })[0];
}

/** The cohorts' course assignments of a person, with the earliest due date per course. */
export async function assignedCourses(db: DB, personId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom("cohort_courses")
    .innerJoin("cohort_members", "cohort_members.cohort_id", "cohort_courses.cohort_id")
    .select(["cohort_courses.course_id", (eb) => eb.fn.min("cohort_courses.due_on").as("due_on")])
    .where("cohort_members.person_id", "=", personId)
    .groupBy("cohort_courses.course_id")
    .execute();
  return new Map(rows.map((r) => [r.course_id, r.due_on ?? null]));
}

/**
 * Progress recorded on items that the content no longer has (an item was removed or renamed):
 * how many learners each affects. Reported by `npm run content:check -- --with-progress`.
 */
export async function progressOnMissingItems(db: DB, itemsByCourse: Map<string, Set<string>>) {
  const rows = await db
    .selectFrom("item_progress")
    .select(["course_id", "item_id", (eb) => eb.fn.count<number>("person_id").distinct().as("learners")])
    .groupBy(["course_id", "item_id"])
    .orderBy("course_id")
    .orderBy("item_id")
    .execute();
  return rows
    .filter((r) => !itemsByCourse.get(r.course_id)?.has(r.item_id))
    .map((r) => ({ courseId: r.course_id, itemId: r.item_id, learners: Number(r.learners) }));
}
