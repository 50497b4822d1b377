import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { SubmissionStatus } from "../../../db/types";
import type { Catalog } from "../../content/model";
import type { Grant } from "../access.server";
import { enrolments, type EnrolmentFilters } from "./enrolments.server";

// Group work, for coordinators: per cohort, group task and team, how far the team's shared text
// has come, the newest score the facilitator gave it, and when it was handed in and accepted.
// Built on the same enrolments as every other coordinator figure, so scope and filters are in
// the WHERE clause and a team shows only through its members within them; "members" counts
// those members.

export type TeamWorkStatus = SubmissionStatus | "none";

export interface TeamWorkRow {
  cohortId: string;
  cohortName: string;
  courseId: string;
  itemId: string;
  teamId: string;
  teamName: string;
  members: number;
  /** "none": the team has not written anything for this task yet. */
  status: TeamWorkStatus;
  /** The newest feedback's score, whatever version it was given on; null before any. */
  score: { total: number; max: number } | null;
  submittedAt: Date | null;
  acceptedAt: Date | null;
}

interface GroupTaskItem {
  courseId: string;
  itemId: string;
  /** Place in the catalog's course order, for sorting. */
  position: number;
}

/** The catalog's group tasks (items of that kind with their task file), in course order. */
function groupTaskItems(catalog: Catalog): GroupTaskItem[] {
  return [...catalog.courses.values()].flatMap((course) => [...course.items.values()].filter((i) => i.kind === "group-task" && course.groupTasks.has(i.id)).map((i) => ({ courseId: course.id, itemId: i.id }))).map((item, position) => ({ ...item, position }));
}

/** The group tasks as an inline table, so a team without a text still gets its row (the tasks live in content, not in the database). */
function groupTasksTable(items: GroupTaskItem[]) {
  const rows = items.map((i) => sql`(${i.courseId}::text, ${i.itemId}::text, ${i.position}::int)`);
  return sql<{ course_id: string; item_id: string; position: number }>`(values ${sql.join(rows)})`.as<"group_tasks">(sql`group_tasks(course_id, item_id, position)`);
}

/** One row per cohort, group task of its courses and team with members within scope and filters. */
export async function teamWork(db: DB, catalog: Catalog, grants: Grant[], filters: EnrolmentFilters): Promise<TeamWorkRow[]> {
  const items = groupTaskItems(catalog);
  if (items.length === 0) return [];
  // Until a team is formed there is no row to show: skip planning the join below (as for attendance).
  if (!(await db.selectFrom("teams").select("id").limit(1).executeTakeFirst())) return [];
  const rows = await enrolments(db, catalog, grants, filters)
    .innerJoin(groupTasksTable(items), (join) => join.onRef("group_tasks.course_id", "=", "cohort_courses.course_id"))
    .innerJoin("team_members", (join) => join.onRef("team_members.cohort_id", "=", "cohort_members.cohort_id").onRef("team_members.person_id", "=", "cohort_members.person_id"))
    .innerJoin("teams", "teams.id", "team_members.team_id")
    .leftJoin("team_submissions", (join) =>
      join.onRef("team_submissions.team_id", "=", "teams.id").onRef("team_submissions.course_id", "=", "group_tasks.course_id").onRef("team_submissions.item_id", "=", "group_tasks.item_id"),
    )
    .leftJoinLateral(
      (eb) => eb.selectFrom("team_feedback").select(["team_feedback.total", "team_feedback.max_total"]).whereRef("team_feedback.submission_id", "=", "team_submissions.id").orderBy("team_feedback.submission_version", "desc").limit(1).as("newest_feedback"),
      (join) => join.onTrue(),
    )
    .select([
      "cohort_members.cohort_id as cohortId",
      "cohorts.name as cohortName",
      "group_tasks.course_id as courseId",
      "group_tasks.item_id as itemId",
      "teams.id as teamId",
      "teams.name as teamName",
      sql<number>`count(*)`.as("members"),
      sql<TeamWorkStatus>`coalesce(team_submissions.status, 'none')`.as("status"),
      "newest_feedback.total",
      "newest_feedback.max_total",
      "team_submissions.submitted_at as submittedAt",
      "team_submissions.accepted_at as acceptedAt",
    ])
    .groupBy([
      "cohort_members.cohort_id",
      "cohorts.name",
      "group_tasks.course_id",
      "group_tasks.item_id",
      "group_tasks.position",
      "teams.id",
      "teams.name",
      "team_submissions.status",
      "team_submissions.submitted_at",
      "team_submissions.accepted_at",
      "newest_feedback.total",
      "newest_feedback.max_total",
    ])
    .orderBy("cohorts.name")
    .orderBy("cohort_members.cohort_id")
    .orderBy("group_tasks.position")
    .orderBy("teams.name")
    .execute();
  return rows.map(({ total, max_total, ...r }) => ({
    ...r,
    members: Number(r.members),
    score: total === null || max_total === null ? null : { total, max: max_total },
    submittedAt: r.submittedAt ?? null,
    acceptedAt: r.acceptedAt ?? null,
  }));
}
