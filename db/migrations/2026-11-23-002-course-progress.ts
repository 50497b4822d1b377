import { sql, type Kysely } from "kysely";

// Courses given to cohorts, and the progress projections kept beside the learning-event log.
// Progress references course id + item id (stable ids from content/), never titles.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("cohort_courses")
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("due_on", "date")
    .addPrimaryKeyConstraint("cohort_courses_pkey", ["cohort_id", "course_id"])
    .execute();

  await db.schema
    .createTable("item_progress")
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("first_viewed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_viewed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("completed_at", "timestamptz")
    .addColumn("seconds_spent", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("item_progress_pkey", ["person_id", "course_id", "item_id"])
    .execute();
  await db.schema.createIndex("item_progress_course_idx").on("item_progress").columns(["course_id", "item_id"]).execute();

  await db.schema
    .createTable("course_progress")
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_activity_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_item_id", "text")
    .addColumn("completed_at", "timestamptz")
    .addPrimaryKeyConstraint("course_progress_pkey", ["person_id", "course_id"])
    .execute();
  await db.schema.createIndex("course_progress_course_idx").on("course_progress").column("course_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("course_progress").execute();
  await db.schema.dropTable("item_progress").execute();
  await db.schema.dropTable("cohort_courses").execute();
}
