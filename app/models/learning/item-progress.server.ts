import { sql } from "kysely";
import { transition } from "xstate";
import type { Trx } from "../../../db/client";
import type { CompletingCourse } from "../../content/progress-course";
import { courseProgressMachine, itemStatus } from "../../machines/course-progress";
import { issueCertificate } from "../certificate.server";
import { appendLearningEvents, type LearningEvent } from "./learning-event.server";
import { factsFor, progressSnapshot } from "../progress.server";
import type { Result } from "../result";

// The item and course progress projections of the learning log: what record() runs when an
// item is opened or finished, in the transaction of the step that opened or finished it.

// Time on an item counts from its last view to its completion, capped so a tab left open
// overnight does not count as study.
const MAX_SECONDS_PER_ITEM = 60 * 60;

/** An item was opened: it counts as begun, and the course remembers it as the last one. */
export async function projectView(trx: Trx, personId: string, courseId: string, item: { id: string; kind: string }): Promise<void> {
  await trx
    .insertInto("item_progress")
    .values({ person_id: personId, course_id: courseId, item_id: item.id })
    .onConflict((oc) => oc.columns(["person_id", "course_id", "item_id"]).doUpdateSet({ last_viewed_at: sql`now()` }))
    .execute();
  await trx
    .insertInto("course_progress")
    .values({ person_id: personId, course_id: courseId, last_item_id: item.id })
    .onConflict((oc) => oc.columns(["person_id", "course_id"]).doUpdateSet({ last_item_id: item.id, last_activity_at: sql`now()` }))
    .execute();
  await appendLearningEvents(trx, [{ actorId: personId, verb: "experienced", object: { type: item.kind, id: `${courseId}/${item.id}` }, context: { course: courseId } }]);
}

export type CompletionResult = Result<{ newlyCompleted: boolean; courseCompleted: boolean }, "locked">;

/**
 * An item is done. Idempotent: a second submission (double click, back button, retry) finds the
 * item already done and records nothing. When it completes the course, the course's completion
 * and its certificate (if it grants one) are written too.
 *
 * `at` is when it was done, for a completion recorded later than it happened (a lesson marked
 * done without a connection, see offline-completion.server.ts); by default, now.
 */
export async function completeItem(trx: Trx, personId: string, course: CompletingCourse, itemId: string, itemType: string, at?: Date): Promise<CompletionResult> {
  const when = at ? sql<Date>`${at}::timestamptz` : sql<Date>`now()`;
  // Serialises completions of one person in one course (two tabs, two processes).
  await trx
    .insertInto("course_progress")
    .values({ person_id: personId, course_id: course.id, last_item_id: itemId, ...(at ? { started_at: at, last_activity_at: at } : {}) })
    .onConflict((oc) => oc.columns(["person_id", "course_id"]).doUpdateSet({ last_activity_at: sql`greatest(course_progress.last_activity_at, ${when})` }))
    .execute();
  const before = progressSnapshot(course, await factsFor(trx, personId, course.id));
  const status = itemStatus(before.context, itemId).state;
  if (status === "locked") return { ok: false, code: "locked" };
  if (status === "done") return { ok: true, newlyCompleted: false, courseCompleted: before.value === "completed" };

  // An item never opened on the server (read on a saved page) counts no time: none was seen.
  const row = await trx
    .insertInto("item_progress")
    .values({ person_id: personId, course_id: course.id, item_id: itemId, completed_at: when, ...(at ? { first_viewed_at: at, last_viewed_at: at } : {}) })
    .onConflict((oc) =>
      oc
        .columns(["person_id", "course_id", "item_id"])
        .doUpdateSet({
          completed_at: when,
          seconds_spent: sql`least(${MAX_SECONDS_PER_ITEM}, greatest(0, extract(epoch from ${when} - item_progress.last_viewed_at)))::int`,
        })
        .where("item_progress.completed_at", "is", null),
    )
    .returning("seconds_spent")
    .executeTakeFirst();
  if (!row) return { ok: true, newlyCompleted: false, courseCompleted: before.value === "completed" };

  const after = transition(courseProgressMachine, before, { type: "item.completed", itemId })[0];
  const courseCompleted = after.value === "completed" && before.value !== "completed";
  const timestamp = at ? { timestamp: at } : {};
  const events: LearningEvent[] = [
    {
      actorId: personId,
      verb: "completed",
      object: { type: itemType, id: `${course.id}/${itemId}` },
      result: { completion: true, duration: `PT${row.seconds_spent}S` },
      context: { course: course.id },
      ...timestamp,
    },
  ];
  if (courseCompleted) {
    events.push({ actorId: personId, verb: "completed", object: { type: "course", id: course.id }, result: { completion: true, duration: "PT0S" }, context: { course: course.id }, ...timestamp });
    await trx
      .updateTable("course_progress")
      .set({ completed_at: when })
      .where("person_id", "=", personId)
      .where("course_id", "=", course.id)
      .where("completed_at", "is", null)
      .execute();
    if (course.certificate) await issueCertificate(trx, personId, course.certificate);
  }
  await appendLearningEvents(trx, events);
  return { ok: true, newlyCompleted: true, courseCompleted: after.value === "completed" };
}
