import { sql } from "kysely";
import { initialTransition, transition, type SnapshotFrom } from "xstate";
import type { DB } from "../../db/client";
import { courseProgressMachine, itemStatus, type ProgressCourse } from "../machines/course-progress";
import type { CompletionCourse } from "../content/progress-course";
import { issueCertificate } from "./certificate.server";
import { appendLearningEvents } from "./learning-event.server";

type ProgressSnapshot = SnapshotFrom<typeof courseProgressMachine>;

// Time on an item counts from its last view to its completion, capped so a tab left open
// overnight does not count as study.
const MAX_SECONDS_PER_ITEM = 60 * 60;

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

/** The same progress with one more item viewed (what recordView just stored), without reading it back. */
export function withView(snapshot: ProgressSnapshot, itemId: string): ProgressSnapshot {
  return transition(courseProgressMachine, snapshot, { type: "item.viewed", itemId })[0];
}

/** Records that a person opened an item: a view event, and the item counts as begun. */
export async function recordView(db: DB, personId: string, courseId: string, itemId: string, itemType: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("item_progress")
      .values({ person_id: personId, course_id: courseId, item_id: itemId })
      .onConflict((oc) => oc.columns(["person_id", "course_id", "item_id"]).doUpdateSet({ last_viewed_at: sql`now()` }))
      .execute();
    await trx
      .insertInto("course_progress")
      .values({ person_id: personId, course_id: courseId, last_item_id: itemId })
      .onConflict((oc) => oc.columns(["person_id", "course_id"]).doUpdateSet({ last_item_id: itemId, last_activity_at: sql`now()` }))
      .execute();
    await appendLearningEvents(trx, [{ actorId: personId, verb: "experienced", object: { type: itemType, id: `${courseId}/${itemId}` }, context: { course: courseId } }]);
  });
}

export type CompletionResult = { ok: true; newlyCompleted: boolean; courseCompleted: boolean } | { ok: false; reason: "locked" };

/**
 * Marks an item done. Idempotent: a second submission (double click, back button, retry)
 * finds the item already done and records nothing. The completion, its event and the course's
 * completion are written in one transaction.
 */
export async function recordCompletion(
  db: DB,
  personId: string,
  course: ProgressCourse & { id: string; certificate?: CompletionCourse["certificate"] },
  itemId: string,
  itemType: string,
): Promise<CompletionResult> {
  return db.transaction().execute((trx) => completeItem(trx, personId, course, itemId, itemType));
}

/**
 * recordCompletion's work, inside a transaction the caller holds (e.g. a quiz passed). When the
 * item completes a course that grants a certificate, the certificate is issued in the same
 * transaction.
 */
export async function completeItem(
  trx: DB,
  personId: string,
  course: ProgressCourse & { id: string; certificate?: CompletionCourse["certificate"] },
  itemId: string,
  itemType: string,
): Promise<CompletionResult> {
  // Serialises completions of one person in one course (two tabs, two processes).
  await trx
    .insertInto("course_progress")
    .values({ person_id: personId, course_id: course.id, last_item_id: itemId })
    .onConflict((oc) => oc.columns(["person_id", "course_id"]).doUpdateSet({ last_activity_at: sql`now()` }))
    .execute();
  const before = progressSnapshot(course, await factsFor(trx, personId, course.id));
  const status = itemStatus(before.context, itemId).state;
  if (status === "locked") return { ok: false, reason: "locked" } as const;
  if (status === "done") return { ok: true, newlyCompleted: false, courseCompleted: before.value === "completed" } as const;

  const row = await trx
    .insertInto("item_progress")
    .values({ person_id: personId, course_id: course.id, item_id: itemId, completed_at: sql`now()` })
    .onConflict((oc) =>
      oc
        .columns(["person_id", "course_id", "item_id"])
        .doUpdateSet({
          completed_at: sql`now()`,
          seconds_spent: sql`least(${MAX_SECONDS_PER_ITEM}, greatest(0, extract(epoch from now() - item_progress.last_viewed_at)))::int`,
        })
        .where("item_progress.completed_at", "is", null),
    )
    .returning("seconds_spent")
    .executeTakeFirst();
  if (!row) return { ok: true, newlyCompleted: false, courseCompleted: before.value === "completed" } as const;

  const after = transition(courseProgressMachine, before, { type: "item.completed", itemId })[0];
  const courseCompleted = after.value === "completed" && before.value !== "completed";
  const events = [
    {
      actorId: personId,
      verb: "completed",
      object: { type: itemType, id: `${course.id}/${itemId}` },
      result: { completion: true, duration: `PT${row.seconds_spent}S` },
      context: { course: course.id },
    },
  ];
  if (courseCompleted) {
    events.push({ actorId: personId, verb: "completed", object: { type: "course", id: course.id }, result: { completion: true, duration: "PT0S" }, context: { course: course.id } });
    await trx
      .updateTable("course_progress")
      .set({ completed_at: sql`now()` })
      .where("person_id", "=", personId)
      .where("course_id", "=", course.id)
      .where("completed_at", "is", null)
      .execute();
    if (course.certificate) await issueCertificate(trx, personId, course.certificate);
  }
  await appendLearningEvents(trx, events);
  return { ok: true, newlyCompleted: true, courseCompleted: after.value === "completed" } as const;
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
