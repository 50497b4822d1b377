import type { DB, Trx } from "../../../db/client";
import type { CompletingCourse } from "../../content/progress-course";
import { detectPersonalData } from "../../dialogue/safeguarding";
import { record } from "../learning/record.server";
import { refused, type Result } from "../result";

// Those who could not attend follow the talk from its transcript (or recording) and answer its
// reflection question. The answer is kept (the facilitator reads it) and completes the item.

export type ReflectionCode = "tooShort" | "tooLong" | "personalData" | "locked";

export const REFLECTION_MAX_CHARS = 4000;

export async function saveReflection(trx: Trx, personId: string, session: { course: CompletingCourse; item: { id: string; kind: string } }, body: string, minChars: number): Promise<Result<{ newlyCompleted: boolean }, ReflectionCode>> {
  const text = body.trim();
  if (text.length < minChars) return refused("tooShort");
  if (text.length > REFLECTION_MAX_CHARS) return refused("tooLong");
  // As in posts: a reflection is about practice, never about a person who could be recognised.
  if (detectPersonalData(text).length > 0) return refused("personalData");
  await trx
    .insertInto("session_reflections")
    .values({ person_id: personId, course_id: session.course.id, item_id: session.item.id, body: text })
    .onConflict((oc) => oc.columns(["person_id", "course_id", "item_id"]).doUpdateSet({ body: text, created_at: new Date() }))
    .execute();
  const completion = await record(trx, {
    personId,
    course: session.course,
    item: session.item,
    events: [{ actorId: personId, verb: "responded", object: { type: "session", id: `${session.course.id}/${session.item.id}` }, result: { response: "reflection" }, context: { course: session.course.id } }],
    completed: true,
  });
  if (completion && !completion.ok) return refused("locked");
  return { ok: true, newlyCompleted: completion?.ok ? completion.newlyCompleted : false };
}

export async function reflectionOf(db: DB, personId: string, courseId: string, itemId: string): Promise<{ body: string; created_at: Date } | null> {
  return (await db.selectFrom("session_reflections").select(["body", "created_at"]).where("person_id", "=", personId).where("course_id", "=", courseId).where("item_id", "=", itemId).executeTakeFirst()) ?? null;
}

/** The reflections of a cohort's officers on a session, for its facilitator. */
export async function reflectionsOfCohort(db: DB, cohortId: string, courseId: string, itemId: string) {
  return db
    .selectFrom("session_reflections")
    .innerJoin("cohort_members", "cohort_members.person_id", "session_reflections.person_id")
    .innerJoin("people", "people.id", "session_reflections.person_id")
    .select(["people.display_name", "session_reflections.body", "session_reflections.created_at"])
    .where("cohort_members.cohort_id", "=", cohortId)
    .where("cohort_members.role", "=", "officer")
    .where("session_reflections.course_id", "=", courseId)
    .where("session_reflections.item_id", "=", itemId)
    .orderBy("session_reflections.created_at", "desc")
    .execute();
}
