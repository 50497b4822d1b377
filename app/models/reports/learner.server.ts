import type { DB } from "../../../db/client";
import type { Catalog } from "../../content/model";
import { pick } from "../../content/model";
import { courseView } from "../../content/course-view.server";
import { progressCourse } from "../../content/progress-course";
import type { Locale } from "../../i18n/locales";
import type { FinishedAttempt } from "../../machines/quiz-attempt";
import { peopleInScope, type Grant } from "../access.server";
import { factsByCourse, progressSnapshot } from "../progress.server";

const TIMELINE_LIMIT = 100;

/** One learner as their coordinator sees them, or null when not theirs to see (404). */
export async function learnerDetail(db: DB, catalog: Catalog, grants: Grant[], personId: string, locale: Locale) {
  const person = await db
    .selectFrom("people")
    .leftJoin("institutions", "institutions.id", "people.institution_id")
    .select(["people.id", "people.display_name", "people.email", "people.country_code", "institutions.name as institution"])
    .where("people.id", "=", personId)
    .where(peopleInScope(grants))
    .executeTakeFirst();
  if (!person) return null;

  const [cohorts, courseRows, facts, quizRows, events] = await Promise.all([
    db
      .selectFrom("cohort_members")
      .innerJoin("cohorts", "cohorts.id", "cohort_members.cohort_id")
      .select(["cohorts.id", "cohorts.name"])
      .where("cohort_members.person_id", "=", personId)
      .orderBy("cohorts.name")
      .execute(),
    db
      .selectFrom("cohort_courses")
      .innerJoin("cohort_members", "cohort_members.cohort_id", "cohort_courses.cohort_id")
      .select(["cohort_courses.course_id", (eb) => eb.fn.min("cohort_courses.due_on").as("due_on")])
      .where("cohort_members.person_id", "=", personId)
      .groupBy("cohort_courses.course_id")
      .execute(),
    factsByCourse(db, personId),
    db.selectFrom("quiz_states").select(["course_id", "quiz_id", "snapshot"]).where("person_id", "=", personId).execute(),
    db
      .selectFrom("learning_events")
      .select(["id", "verb", "object_type", "object_id", "result", "timestamp"])
      .where("actor_id", "=", personId)
      .orderBy("timestamp", "desc")
      .orderBy("stored_at", "desc")
      .limit(TIMELINE_LIMIT)
      .execute(),
  ]);

  // Courses given to their cohorts, and any other course they have begun.
  const courseIds = [...new Set([...courseRows.map((r) => r.course_id), ...facts.keys()])].filter((id) => catalog.courses.has(id));
  const dueOn = new Map(courseRows.map((r) => [r.course_id, r.due_on ?? null]));
  const courses = courseIds.map((id) => {
    const course = catalog.courses.get(id)!;
    const snapshot = progressSnapshot(progressCourse(course), facts.get(id) ?? { viewed: [], completed: [] });
    return { ...courseView(course, snapshot.context, locale), dueOn: dueOn.get(id) ?? null };
  });

  const quizzes = quizRows.flatMap((row) => {
    const course = catalog.courses.get(row.course_id);
    const finished = ((row.snapshot as { context?: { finished?: FinishedAttempt[] } }).context?.finished ?? []) as FinishedAttempt[];
    if (finished.length === 0) return [];
    return [
      {
        courseId: row.course_id,
        quizId: row.quiz_id,
        courseTitle: course ? pick(course.title, locale) : row.course_id,
        title: pick(course?.items.get(row.quiz_id)?.title ?? {}, locale) || row.quiz_id,
        attempts: finished.map((a) => ({ number: a.number, percent: a.percent, passed: a.passed, timedOut: a.timedOut, finishedAt: new Date(a.finishedAt).toISOString() })),
      },
    ];
  });

  const timeline = events.map((e) => ({
    id: e.id,
    verb: e.verb,
    objectType: e.object_type,
    what: titleOf(catalog, e.object_type, e.object_id, locale),
    score: scoreOf(e.result),
    at: e.timestamp.toISOString(),
  }));

  return { person, cohorts, courses, quizzes, timeline };
}

/** A readable name for an event's object ("course/item" or "course/quiz/question"). */
function titleOf(catalog: Catalog, type: string, objectId: string, locale: Locale): string {
  const [courseId = "", itemId, questionId] = objectId.split("/");
  const course = catalog.courses.get(courseId);
  if (!course) return objectId;
  if (type === "course" || !itemId) return pick(course.title, locale);
  const item = pick(course.items.get(itemId)?.title ?? {}, locale) || itemId;
  return questionId ? `${item} · ${questionId}` : item;
}

function scoreOf(result: unknown): number | null {
  const scaled = (result as { score?: { scaled?: unknown } } | null)?.score?.scaled;
  return typeof scaled === "number" ? Math.round(scaled * 100) : null;
}
