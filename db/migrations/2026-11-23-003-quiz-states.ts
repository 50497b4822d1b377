import { sql, type Kysely } from "kysely";

// One row per person and quiz: the persisted attempt machine, with the machine's version (to
// migrate old snapshots) and a row version (so a stale tab cannot overwrite newer state).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("quiz_states")
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("quiz_id", "text", (c) => c.notNull())
    .addColumn("machine_version", "integer", (c) => c.notNull())
    .addColumn("snapshot", "jsonb", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("quiz_states_pkey", ["person_id", "course_id", "quiz_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("quiz_states").execute();
}
