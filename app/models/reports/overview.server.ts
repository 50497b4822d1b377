import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { Catalog, Course } from "../../content/model";
import type { ReportFilters } from "../../reports/filters";
import type { Grant } from "../access.server";
import { groupedCounts } from "./overview-counts.server";
import { enrolments, type Counts } from "./enrolments.server";
import type { Overview } from "./overview-types";

export type { CohortCourseRow, Overview } from "./overview-types";


/** Everything the overview page (and its export) shows, scoped and filtered in SQL. */
export async function overview(db: DB, catalog: Catalog, grants: Grant[], filters: ReportFilters): Promise<Overview> {
  const { byCohortCourse, byCountry, byInstitution, weekly } = await groupedCounts(db, catalog, grants, filters);
  const totals = byCohortCourse.reduce<Counts>(
    (sum, c) => ({ enrolled: sum.enrolled + c.enrolled, notStarted: sum.notStarted + c.notStarted, inProgress: sum.inProgress + c.inProgress, completed: sum.completed + c.completed, passedFinal: sum.passedFinal + c.passedFinal, certified: sum.certified + c.certified, overdue: sum.overdue + c.overdue }),
    { enrolled: 0, notStarted: 0, inProgress: 0, completed: 0, passedFinal: 0, certified: 0, overdue: 0 },
  );
  const course = filters.course ? catalog.courses.get(filters.course) : undefined;
  return {
    totals,
    byCohortCourse,
    byCountry,
    byInstitution,
    weekly,
    completedInPeriod: weekly.reduce((sum, w) => sum + w.completed, 0),
    funnel: course ? await funnel(db, catalog, grants, filters, course, totals) : null,
  };
}

/** Enrolled → started → each module's required items done → course completed, for one course. */
async function funnel(db: DB, catalog: Catalog, grants: Grant[], filters: ReportFilters, course: Course, totals: Counts): Promise<NonNullable<Overview["funnel"]>> {
  const required = [...course.items.values()].filter((i) => !i.optional);
  const modules = course.modules.filter((m) => required.some((i) => i.moduleId === m.id));
  let done = new Map<string, number>();
  if (required.length) {
    const needed = new Map(modules.map((m) => [m.id, required.filter((i) => i.moduleId === m.id).length]));
    const moduleOf = sql<string>`case item_progress.item_id ${sql.join(required.map((i) => sql`when ${i.id} then ${i.moduleId}`), sql` `)} end`;
    const neededOf = sql<number>`case ${moduleOf} ${sql.join(modules.map((m) => sql`when ${m.id} then ${needed.get(m.id) ?? 0}::int`), sql` `)} end`;
    // Per enrolment and module: whether all of the module's required items are done.
    const perEnrolment = enrolments(db, catalog, grants, { ...filters, course: course.id })
      .innerJoin("item_progress", (join) =>
        join.onRef("item_progress.person_id", "=", "cohort_members.person_id").onRef("item_progress.course_id", "=", "cohort_courses.course_id"),
      )
      .select(["cohort_members.person_id", "cohort_members.cohort_id", moduleOf.as("module_id")])
      .where("item_progress.completed_at", "is not", null)
      .where("item_progress.item_id", "in", required.map((i) => i.id))
      .groupBy(["cohort_members.person_id", "cohort_members.cohort_id", sql`3`])
      .having(sql<boolean>`count(*) >= max(${neededOf})`);
    const rows = await db
      .selectFrom(perEnrolment.as("m"))
      .select(["m.module_id", sql<number>`count(*)`.as("n")])
      .groupBy("m.module_id")
      .execute();
    done = new Map(rows.map((r) => [r.module_id, Number(r.n)]));
  }
  return [
    { stage: "enrolled", count: totals.enrolled },
    { stage: "started", count: totals.enrolled - totals.notStarted },
    ...modules.map((m) => ({ stage: "module" as const, moduleId: m.id, count: done.get(m.id) ?? 0 })),
    { stage: "completed", count: totals.completed },
  ];
}
