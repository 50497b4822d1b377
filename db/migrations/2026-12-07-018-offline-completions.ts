import { sql, type Kysely } from "kysely";

// Lessons marked done on a device without a connection arrive later, each with the one-time
// token of the saved page it was marked on. A token's hash is kept once accepted, in the
// transaction of the completion, so the same queued completion replayed again records nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("offline_completions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("item_id", "text", (c) => c.notNull())
    // The time the device recorded, as accepted (clamped between the token's issue and receipt).
    .addColumn("completed_at", "timestamptz", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("offline_completions_by_person").on("offline_completions").columns(["person_id", "course_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("offline_completions").execute();
}
