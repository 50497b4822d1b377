import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { Catalog } from "../../content/model";
import type { ReportFilters } from "../../reports/filters";
import type { Grant } from "../access.server";
import { countsOf, enrolments, overdueSql } from "./enrolments.server";
import type { Overview } from "./overview-types";

// Which grouping set a row belongs to: grouping(cohort_id, country_code, institution_id, week)
// has a bit set for each column the row is NOT grouped by (first column = highest bit).
const BY_COHORT_COURSE = 0b0111;
const BY_COUNTRY = 0b1011;
const BY_INSTITUTION = 0b1101;
const BY_WEEK = 0b1110;

/**
 * The overview's four breakdowns in one pass over the enrolments. The enrolments are joined
 * once and counted per cohort × course × country × institution × week of completion (a few
 * thousand groups at most); grouping sets then add those up per cohort × course, per country,
 * per institution and per week. (Four separate aggregations joined every enrolment four times.)
 */
export async function groupedCounts(db: DB, catalog: Catalog, grants: Grant[], filters: ReportFilters): Promise<Pick<Overview, "byCohortCourse" | "byCountry" | "byInstitution" | "weekly">> {
  const fine = enrolments(db, catalog, grants, filters)
    // A certificate is unique per person and course: the join adds no rows.
    .leftJoin("certificates", (join) =>
      join
        .onRef("certificates.person_id", "=", "cohort_members.person_id")
        .onRef("certificates.course_id", "=", "cohort_courses.course_id")
        .on("certificates.revoked_at", "is", null),
    )
    .select([
      "cohort_members.cohort_id",
      "cohorts.name as cohort_name",
      "cohort_courses.course_id",
      "cohort_courses.due_on",
      "people.country_code",
      "people.institution_id",
      // Weeks start on Monday (UTC); only completions within the period have one.
      sql<string | null>`case when course_progress.completed_at >= ${filters.from}::date and course_progress.completed_at < ${filters.to}::date + 1
        then to_char(date_trunc('week', course_progress.completed_at at time zone 'UTC'), 'YYYY-MM-DD') end`.as("week"),
      sql<number>`count(*)`.as("enrolled"),
      sql<number>`count(*) filter (where course_progress.person_id is null)`.as("not_started"),
      sql<number>`count(*) filter (where course_progress.person_id is not null and course_progress.completed_at is null)`.as("in_progress"),
      sql<number>`count(*) filter (where course_progress.completed_at is not null)`.as("completed"),
      sql<number>`count(*) filter (where quiz_results.passed_at is not null)`.as("passed_final"),
      sql<number>`count(*) filter (where ${overdueSql})`.as("overdue"),
      sql<number>`count(*) filter (where certificates.person_id is not null)`.as("certified"),
    ])
    .groupBy(sql`1, 2, 3, 4, 5, 6, 7`);
  const rows = await db
    .selectFrom(fine.as("f"))
    .leftJoin("institutions", "institutions.id", "f.institution_id")
    .select([
      sql<number>`grouping(f.cohort_id, f.country_code, f.institution_id, f.week)`.as("grouping_set"),
      "f.cohort_id as cohortId",
      "f.cohort_name as cohortName",
      "f.course_id as courseId",
      "f.due_on as dueOn",
      "f.country_code as countryCode",
      "f.institution_id as institutionId",
      "institutions.name as institutionName",
      "f.week",
      sql<number>`sum(f.enrolled)`.as("enrolled"),
      sql<number>`sum(f.not_started)`.as("notStarted"),
      sql<number>`sum(f.in_progress)`.as("inProgress"),
      sql<number>`sum(f.completed)`.as("completed"),
      sql<number>`sum(f.passed_final)`.as("passedFinal"),
      sql<number>`sum(f.overdue)`.as("overdue"),
      sql<number>`sum(f.certified)`.as("certified"),
    ])
    .groupBy(sql`grouping sets ((f.cohort_id, f.cohort_name, f.course_id, f.due_on), (f.country_code), (f.institution_id, institutions.name), (f.week))`)
    // Within a set the other sets' columns are null, so one ORDER BY sorts each set as before:
    // cohort name then course; country code; institution name; week.
    .orderBy(sql`1, f.cohort_name, f.course_id, f.country_code, institutions.name, f.week`)
    .execute();
  const of = (set: number) => rows.filter((r) => Number(r.grouping_set) === set);
  return {
    byCohortCourse: of(BY_COHORT_COURSE).map((r) => ({ cohortId: r.cohortId, cohortName: r.cohortName, courseId: r.courseId, dueOn: r.dueOn, ...countsOf(r) })),
    byCountry: of(BY_COUNTRY).map((r) => ({ countryCode: r.countryCode, ...countsOf(r) })),
    byInstitution: of(BY_INSTITUTION).map((r) => ({ institutionId: r.institutionId, institutionName: r.institutionName, ...countsOf(r) })),
    weekly: of(BY_WEEK).flatMap((r) => (r.week === null ? [] : [{ week: r.week, completed: Number(r.enrolled) }])),
  };
}
