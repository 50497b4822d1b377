import { sql, type Kysely } from "kysely";

// The facilitator's feedback on a team's handed-in text: a level for each rubric criterion and a
// written comment, and the decision (accepted, or returned to the team for changes). One row per
// handed-in version, so a text returned, changed and handed in again keeps its earlier feedback.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("team_feedback")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("submission_id", "uuid", (c) => c.notNull().references("team_submissions.id").onDelete("cascade"))
    .addColumn("submission_version", "integer", (c) => c.notNull())
    // { criterionId: score } for the rubric of the task file.
    .addColumn("scores", "jsonb", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull())
    .addColumn("max_total", "integer", (c) => c.notNull())
    .addColumn("body_source", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull().check(sql`decision in ('accepted', 'returned')`))
    .addColumn("given_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("given_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("team_feedback_one_per_version", ["submission_id", "submission_version"])
    .execute();
  await db.schema.alterTable("team_submissions").addColumn("accepted_at", "timestamptz").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("team_submissions").dropColumn("accepted_at").execute();
  await db.schema.dropTable("team_feedback").execute();
}
