import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { Catalog } from "../../content/model";
import type { LearnerListQuery, Sort } from "../../reports/filters";
import type { Grant } from "../access.server";
import { enrolments, overdueSql, statusSql } from "./enrolments.server";

export interface LearnerRow {
  personId: string;
  name: string;
  email: string;
  countryCode: string | null;
  institution: string | null;
  cohortId: string;
  cohort: string;
  courseId: string;
  status: "not-started" | "in-progress" | "completed";
  overdue: boolean;
  dueOn: string | null;
  lastActivity: Date | null;
  /** Best score on the course's final quiz, in percent. */
  score: number | null;
  passedFinal: boolean;
}

const SORT_COLUMNS: Record<Sort, ReturnType<typeof sql>> = {
  name: sql`lower(people.display_name)`,
  country: sql`people.country_code`,
  institution: sql`institutions.short_name`,
  cohort: sql`cohorts.name`,
  course: sql`cohort_courses.course_id`,
  status: sql`(case when course_progress.completed_at is not null then 2 when course_progress.person_id is not null then 1 else 0 end)`,
  activity: sql`course_progress.last_activity_at`,
  score: sql`quiz_results.best_percent`,
};

/**
 * Sort keys that are never null. Their ORDER BY leaves out `nulls first/last` (the same order),
 * so the default sort by name can walk the people_name_idx index and stop after one page instead
 * of sorting every enrolment.
 */
const NEVER_NULL = new Set<Sort>(["name", "cohort", "course", "status"]);

function rows(db: DB, catalog: Catalog, grants: Grant[], query: LearnerListQuery, counting = false) {
  return enrolments(db, catalog, grants, query, { counting })
    // Read only when sorting by institution; otherwise the planner drops it (see membersAndCourses).
    .leftJoin("institutions", "institutions.id", "people.institution_id")
    .select([
      "people.id as personId",
      "people.display_name as name",
      "people.email as email",
      "people.country_code as countryCode",
      // Looked up for the rows shown (PostgreSQL evaluates these after the sort and limit) rather
      // than joined: two joins fewer to plan on every request.
      sql<string | null>`(select i.short_name from institutions i where i.id = people.institution_id)`.as("institution"),
      "cohort_members.cohort_id as cohortId",
      sql<string>`(select c.name from cohorts c where c.id = cohort_members.cohort_id)`.as("cohort"),
      "cohort_courses.course_id as courseId",
      "cohort_courses.due_on as dueOn",
      statusSql.as("status"),
      overdueSql.as("overdue"),
      "course_progress.last_activity_at as lastActivity",
      "quiz_results.best_percent as score",
      sql<boolean>`quiz_results.passed_at is not null`.as("passedFinal"),
    ])
    .$if(Boolean(query.q), (q) => {
      // LIKE wildcards typed by the person are searched for literally.
      const pattern = `%${query.q!.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return q.where((eb) => eb.or([eb(sql`lower(people.display_name)`, "like", pattern), eb("people.email", "like", pattern)]));
    })
    .$if(Boolean(query.inactiveSince), (q) =>
      q.where((eb) => eb.or([eb("course_progress.last_activity_at", "is", null), eb("course_progress.last_activity_at", "<", sql<Date>`${query.inactiveSince}::date`)])),
    )
    .$if(query.scoreBelow !== null, (q) => q.where("quiz_results.best_percent", "<", query.scoreBelow!))
    .$if(query.status === "not-started", (q) => q.where("course_progress.person_id", "is", null))
    .$if(query.status === "in-progress", (q) => q.where("course_progress.person_id", "is not", null).where("course_progress.completed_at", "is", null))
    .$if(query.status === "completed", (q) => q.where("course_progress.completed_at", "is not", null))
    .$if(query.status === "overdue", (q) => q.where(overdueSql));
}

function tidy(row: LearnerRow): LearnerRow {
  return { ...row, score: row.score === null ? null : Number(row.score), overdue: Boolean(row.overdue), passedFinal: Boolean(row.passedFinal) };
}

/** One page of the learner list, sorted as asked (ties broken by name and ids), and the total. */
export async function learnerPage(db: DB, catalog: Catalog, grants: Grant[], query: LearnerListQuery, limit: number, offset: number) {
  const direction = NEVER_NULL.has(query.sort) ? (query.dir === "desc" ? sql`desc` : sql`asc`) : query.dir === "desc" ? sql`desc nulls last` : sql`asc nulls first`;
  const [page, total] = await Promise.all([
    rows(db, catalog, grants, query)
      .orderBy(sql`${SORT_COLUMNS[query.sort]} ${direction}`)
      .orderBy(sql`lower(people.display_name)`)
      .orderBy("people.id")
      .orderBy("cohort_members.cohort_id")
      .orderBy("cohort_courses.course_id")
      .limit(limit)
      .offset(offset)
      .execute(),
    rows(db, catalog, grants, query, true)
      .clearSelect()
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: (page as LearnerRow[]).map(tidy), total: Number(total.n) };
}

/**
 * Every row of the list (for exports), in batches read by keyset — name, then ids — so memory
 * stays flat however many rows there are, and no batch re-reads the ones before it.
 */
export async function* learnerBatches(db: DB, catalog: Catalog, grants: Grant[], query: LearnerListQuery, batchSize = 500): AsyncGenerator<LearnerRow[]> {
  let after: { key: string; personId: string; cohortId: string; courseId: string } | null = null;
  for (;;) {
    const cursor: typeof after = after;
    const batch = (await rows(db, catalog, grants, query)
      .select(sql<string>`lower(people.display_name)`.as("sortKey"))
      .$if(cursor !== null, (q) =>
        q.where(sql<boolean>`(lower(people.display_name), people.id, cohort_members.cohort_id, cohort_courses.course_id) > (${cursor!.key}, ${cursor!.personId}::uuid, ${cursor!.cohortId}::uuid, ${cursor!.courseId})`),
      )
      .orderBy(sql`lower(people.display_name)`)
      .orderBy("people.id")
      .orderBy("cohort_members.cohort_id")
      .orderBy("cohort_courses.course_id")
      .limit(batchSize)
      .execute()) as (LearnerRow & { sortKey: string })[];
    if (batch.length === 0) return;
    yield batch.map(({ sortKey: _sortKey, ...row }) => tidy(row));
    const last = batch.at(-1)!;
    after = { key: last.sortKey, personId: last.personId, cohortId: last.cohortId, courseId: last.courseId };
    if (batch.length < batchSize) return;
  }
}
