import { sql, type Kysely } from "kysely";

// Peer review of group tasks. A round per cohort and task, opened once by the facilitator among
// the teams that handed in; each assignment names the
// reviewing team and the version of the other team's text it reads; a team writes one review per
// assignment. The reviewed team sees the reviews once the round's window has closed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("peer_review_rounds")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("opened_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("opened_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("closes_at", "timestamptz", (c) => c.notNull())
    .addUniqueConstraint("peer_review_rounds_one_per_task", ["cohort_id", "course_id", "item_id"])
    .execute();

  await db.schema
    .createTable("peer_review_assignments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("round_id", "uuid", (c) => c.notNull().references("peer_review_rounds.id").onDelete("cascade"))
    .addColumn("reviewer_team_id", "uuid", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("submission_id", "uuid", (c) => c.notNull().references("team_submissions.id").onDelete("cascade"))
    // The version the reviewers read: a text returned and changed later does not change under them.
    .addColumn("submission_version", "integer", (c) => c.notNull())
    .addUniqueConstraint("peer_review_assignments_once", ["round_id", "reviewer_team_id", "submission_id"])
    .execute();
  await db.schema.createIndex("peer_review_assignments_by_submission").on("peer_review_assignments").column("submission_id").execute();

  await db.schema
    .createTable("peer_reviews")
    .addColumn("assignment_id", "uuid", (c) => c.primaryKey().references("peer_review_assignments.id").onDelete("cascade"))
    .addColumn("body_source", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("written_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("written_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("peer_reviews").execute();
  await db.schema.dropTable("peer_review_assignments").execute();
  await db.schema.dropTable("peer_review_rounds").execute();
}
