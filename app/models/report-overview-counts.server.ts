import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { Catalog } from "../content/model";
import type { ReportFilters } from "../reports/filters";
import type { Grant } from "./access.server";
import { countsOf, enrolments, overdueSql } from "./report-enrolments.server";
import type { Overview } from "./report-overview.server";

// Which grouping set a row belongs to: grouping(cohort_id, country_code, institution_id, week)
// has a bit set for each column the row is NOT grouped by (first column = highest bit).
const BY_COHORT_COURSE = 0b0111;
const BY_COUNTRY = 0b1011;
const BY_INSTITUTION = 0b1101;
const BY_WEEK = 0b1110;

/**
 * The overview's four breakdowns in one pass over the enrolments: each enrolment's facts
 * (status, final quiz passed, certified, overdue, week of a completion in the period) are
 * computed once, then counted per cohort × course, per country, per institution and per week
 * with grouping sets. Four separate aggregations joined every enrolment four times.
 */
export async function groupedCounts(db: DB, catalog: Catalog, grants: Grant[], filters: ReportFilters): Promise<Pick<Overview, "byCohortCourse" | "byCountry" | "byInstitution" | "weekly">> {
  const facts = enrolments(db, catalog, grants, filters)
    // A certificate is unique per person and course: the join adds no rows.
    .leftJoin("certificates", (join) =>
      join
        .onRef("certificates.person_id", "=", "cohort_members.person_id")
        .onRef("certificates.course_id", "=", "cohort_courses.course_id")
        .on("certificates.revoked_at", "is", null),
    )
    .leftJoin("institutions", "institutions.id", "people.institution_id")
    .select([
      "cohort_members.cohort_id",
      "cohorts.name as cohort_name",
      "cohort_courses.course_id",
      "cohort_courses.due_on",
      "people.country_code",
      "people.institution_id",
      "institutions.name as institution_name",
      sql<boolean>`course_progress.person_id is not null`.as("started"),
      sql<boolean>`course_progress.completed_at is not null`.as("completed"),
      sql<boolean>`quiz_results.passed_at is not null`.as("passed_final"),
      sql<boolean>`certificates.person_id is not null`.as("certified"),
      overdueSql.as("overdue"),
      // Weeks start on Monday (UTC); only completions within the period have one.
      sql<string | null>`case when course_progress.completed_at >= ${filters.from}::date and course_progress.completed_at < ${filters.to}::date + 1
        then to_char(date_trunc('week', course_progress.completed_at at time zone 'UTC'), 'YYYY-MM-DD') end`.as("week"),
    ]);
  const rows = await db
    .selectFrom(facts.as("e"))
    .select([
      sql<number>`grouping(e.cohort_id, e.country_code, e.institution_id, e.week)`.as("grouping_set"),
      "e.cohort_id as cohortId",
      "e.cohort_name as cohortName",
      "e.course_id as courseId",
      "e.due_on as dueOn",
      "e.country_code as countryCode",
      "e.institution_id as institutionId",
      "e.institution_name as institutionName",
      "e.week",
      sql<number>`count(*)`.as("enrolled"),
      sql<number>`count(*) filter (where not e.started)`.as("notStarted"),
      sql<number>`count(*) filter (where e.started and not e.completed)`.as("inProgress"),
      sql<number>`count(*) filter (where e.completed)`.as("completed"),
      sql<number>`count(*) filter (where e.passed_final)`.as("passedFinal"),
      sql<number>`count(*) filter (where e.overdue)`.as("overdue"),
      sql<number>`count(*) filter (where e.certified)`.as("certified"),
    ])
    .groupBy(sql`grouping sets ((e.cohort_id, e.cohort_name, e.course_id, e.due_on), (e.country_code), (e.institution_id, e.institution_name), (e.week))`)
    // Within a set the other sets' columns are null, so one ORDER BY sorts each set as before:
    // cohort name then course; country code; institution name; week.
    .orderBy(sql`1, e.cohort_name, e.course_id, e.country_code, e.institution_name, e.week`)
    .execute();
  const of = (set: number) => rows.filter((r) => Number(r.grouping_set) === set);
  return {
    byCohortCourse: of(BY_COHORT_COURSE).map((r) => ({ cohortId: r.cohortId, cohortName: r.cohortName, courseId: r.courseId, dueOn: r.dueOn, ...countsOf(r) })),
    byCountry: of(BY_COUNTRY).map((r) => ({ countryCode: r.countryCode, ...countsOf(r) })),
    byInstitution: of(BY_INSTITUTION).map((r) => ({ institutionId: r.institutionId, institutionName: r.institutionName, ...countsOf(r) })),
    weekly: of(BY_WEEK).flatMap((r) => (r.week === null ? [] : [{ week: r.week, completed: Number(r.enrolled) }])),
  };
}
