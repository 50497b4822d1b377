import { sql, type Kysely } from "kysely";

// Group activities: teams inside a cohort (a person is in one team per cohort), and one shared
// text per team and group-task item, edited by any member. Every saved version is kept; the
// text's version number is the optimistic lock that keeps two members from overwriting each other.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("teams")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("teams_name_per_cohort", ["cohort_id", "name"])
    .execute();

  await db.schema
    .createTable("team_members")
    .addColumn("team_id", "uuid", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    // The cohort again, so that the database itself keeps a person in one team per cohort.
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("team_members_pk", ["team_id", "person_id"])
    .addUniqueConstraint("team_members_one_team_per_cohort", ["cohort_id", "person_id"])
    .execute();

  await db.schema
    .createTable("team_submissions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("team_id", "uuid", (c) => c.notNull().references("teams.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("body_source", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft").check(sql`status in ('draft', 'submitted', 'accepted')`))
    .addColumn("submitted_at", "timestamptz")
    .addColumn("submitted_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("updated_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("team_submissions_one_per_item", ["team_id", "course_id", "item_id"])
    .execute();

  await db.schema
    .createTable("team_submission_revisions")
    .addColumn("submission_id", "uuid", (c) => c.notNull().references("team_submissions.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("body_source", "text", (c) => c.notNull())
    .addColumn("edited_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("team_submission_revisions_pk", ["submission_id", "version"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("team_submission_revisions").execute();
  await db.schema.dropTable("team_submissions").execute();
  await db.schema.dropTable("team_members").execute();
  await db.schema.dropTable("teams").execute();
}
