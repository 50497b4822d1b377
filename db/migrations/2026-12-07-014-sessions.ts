import { sql, type Kysely } from "kysely";

// Presentations by experts. The talk itself is course content; what is per cohort lives here:
// when and where the cohort hears it live (one schedule per cohort and session item, with the
// check-in code the facilitator reads out), who attended, and the reflections of those who
// followed it from the transcript or recording. A person's time zone is theirs to set.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("people").addColumn("time_zone", "text").execute();

  await db.schema
    .createTable("session_schedules")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull().check(sql`minutes > 0`))
    // The zone the organiser set the time in (the page shows each person their own).
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("meeting_url", "text")
    .addColumn("capacity", "integer", (c) => c.check(sql`capacity is null or capacity > 0`))
    .addColumn("checkin_code", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("session_schedules_one_per_cohort", ["cohort_id", "course_id", "item_id"])
    .execute();

  await db.schema
    .createTable("session_attendance")
    .addColumn("schedule_id", "uuid", (c) => c.notNull().references("session_schedules.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    // "code": the person typed the check-in code; "facilitator": marked from the cohort's list.
    .addColumn("method", "text", (c) => c.notNull().check(sql`method in ('code', 'facilitator')`))
    .addColumn("marked_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("session_attendance_pk", ["schedule_id", "person_id"])
    .execute();

  await db.schema
    .createTable("session_reflections")
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("session_reflections_pk", ["person_id", "course_id", "item_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("session_reflections").execute();
  await db.schema.dropTable("session_attendance").execute();
  await db.schema.dropTable("session_schedules").execute();
  await db.schema.alterTable("people").dropColumn("time_zone").execute();
}
