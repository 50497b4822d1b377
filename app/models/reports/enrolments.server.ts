import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { DB } from "../../../db/client";
import type { Database } from "../../../db/types";
import type { Catalog, Course } from "../../content/model";
import type { ReportFilters } from "../../reports/filters";
import { peopleInScope, type Grant } from "../access.server";

/**
 * An enrolment is one officer in one cohort given one course (cohort_members × cohort_courses).
 * Every coordinator figure counts enrolments, so the overview, the learner list and the exports
 * add up. Scope and filters are part of the WHERE clause.
 */

/** A course's final quiz: the last quiz item in course order (the final assessment module). */
export function finalQuizId(course: Course): string | null {
  return [...course.items.values()].filter((i) => i.kind === "quiz").at(-1)?.id ?? null;
}

/** `course id → final quiz id` as a SQL CASE, so one query covers every course. */
function finalQuizCase(catalog: Catalog) {
  const pairs = [...catalog.courses.values()].flatMap((c) => {
    const quiz = finalQuizId(c);
    return quiz ? [sql`when ${c.id} then ${quiz}`] : [];
  });
  return pairs.length ? sql<string>`case cohort_courses.course_id ${sql.join(pairs, sql` `)} end` : sql<string>`null`;
}

export type EnrolmentFilters = Pick<ReportFilters, "cohort" | "course" | "country" | "institution">;

/**
 * Members and their cohorts' courses, with the person and the cohort.
 *
 * Every member has exactly one person and one cohort (non-null foreign keys), so a left join
 * gives the same rows as an inner one; unlike an inner join, the planner drops it when nothing
 * reads it, and then neither plans nor runs it. So the cohort is always left-joined (the learner
 * list reads cohort names per page row instead), and for a count the person too (a count over
 * everyone reads nothing of them). The person stays an inner join otherwise: the learner list's
 * name order is read from the people_name_idx index, which needs people on the outer side.
 * The types say "inner join": the columns are never null.
 */
function membersAndCourses(db: DB, counting: boolean): SelectQueryBuilder<Database, "cohort_members" | "cohort_courses" | "people" | "cohorts", object> {
  const members = db.selectFrom("cohort_members").innerJoin("cohort_courses", "cohort_courses.cohort_id", "cohort_members.cohort_id");
  const people = counting ? members.leftJoin("people", "people.id", "cohort_members.person_id") : members.innerJoin("people", "people.id", "cohort_members.person_id");
  return people.leftJoin("cohorts", "cohorts.id", "cohort_members.cohort_id") as never;
}

/**
 * The enrolments within scope and filters, joined with progress (course_progress) and the final
 * quiz's result (quiz_results). Only courses that exist in the content count. `counting`: for a
 * count(*), which lets the database skip the joins the count does not need.
 */
export function enrolments(db: DB, catalog: Catalog, grants: Grant[], filters: EnrolmentFilters, { counting = false } = {}) {
  const courses = [...catalog.courses.keys()];
  const finalQuizzes = [...new Set([...catalog.courses.values()].flatMap((c) => finalQuizId(c) ?? []))];
  return membersAndCourses(db, counting)
    .leftJoin("course_progress", (join) =>
      join.onRef("course_progress.person_id", "=", "cohort_members.person_id").onRef("course_progress.course_id", "=", "cohort_courses.course_id"),
    )
    .leftJoin("quiz_results", (join) =>
      join
        .onRef("quiz_results.person_id", "=", "cohort_members.person_id")
        .onRef("quiz_results.course_id", "=", "cohort_courses.course_id")
        .on("quiz_results.quiz_id", "=", finalQuizCase(catalog))
        // Implied by the line above, but plain enough for the planner to read only final quizzes' results.
        .on("quiz_results.quiz_id", "in", finalQuizzes.length ? finalQuizzes : [""]),
    )
    .where("cohort_members.role", "=", "officer")
    .where((eb) => peopleInScope(grants)(eb as never) as Expression<SqlBool>)
    .where("cohort_courses.course_id", "in", courses.length ? courses : [""])
    .$if(Boolean(filters.cohort), (q) => q.where("cohort_members.cohort_id", "=", filters.cohort!))
    .$if(Boolean(filters.course), (q) => q.where("cohort_courses.course_id", "=", filters.course!))
    .$if(Boolean(filters.country), (q) => q.where("people.country_code", "=", filters.country!))
    .$if(Boolean(filters.institution), (q) => q.where("people.institution_id", "=", filters.institution!));
}

/** Status of an enrolment as SQL: not started, in progress or completed. */
export const statusSql = sql<"not-started" | "in-progress" | "completed">`case
  when course_progress.completed_at is not null then 'completed'
  when course_progress.person_id is not null then 'in-progress'
  else 'not-started' end`;

/** Due and not completed (due dates are days; overdue from the day after). */
export const overdueSql = sql<boolean>`(cohort_courses.due_on is not null and cohort_courses.due_on < current_date and course_progress.completed_at is null)`;

export interface Counts {
  enrolled: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  passedFinal: number;
  overdue: number;
  /** With a valid (not revoked) certificate for the course. */
  certified: number;
}

export const COUNT_KEYS = ["enrolled", "notStarted", "inProgress", "completed", "passedFinal", "certified", "overdue"] as const satisfies readonly (keyof Counts)[];

export function countsOf(row: Record<string, unknown>): Counts {
  return Object.fromEntries(COUNT_KEYS.map((k) => [k, Number(row[k] ?? 0)])) as unknown as Counts;
}
