import { sql, type Kysely } from "kysely";

// One row per person and scenario: the play under way (node and decisions so far) and the
// finished plays, with a row version so a stale tab or a doubled POST cannot decide twice.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("scenario_states")
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("scenario_id", "text", (c) => c.notNull())
    .addColumn("state", "jsonb", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("scenario_states_pkey", ["person_id", "course_id", "scenario_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("scenario_states").execute();
}
