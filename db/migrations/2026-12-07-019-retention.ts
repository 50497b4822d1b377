import { sql, type Kysely } from "kysely";

// How long personal data is kept (issue 21, retention): one policy row, each period in whole
// days or null (kept forever), and one row per run of the daily job with what it deleted.
export async function up(db: Kysely<any>): Promise<void> {
  const days = (column: string) => sql.raw(`${column} is null or ${column} between 1 and 3650`);
  await db.schema
    .createTable("retention_policy")
    // One row only: the key is always true.
    .addColumn("id", "boolean", (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn("dialogue_post_days", "integer", (c) => c.check(days("dialogue_post_days")))
    .addColumn("session_days", "integer", (c) => c.check(days("session_days")))
    .addColumn("audit_days", "integer", (c) => c.check(days("audit_days")))
    .addColumn("learning_event_days", "integer", (c) => c.check(days("learning_event_days")))
    .addColumn("updated_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Sign-in sessions are kept 90 days after they end; everything else until an admin decides.
  await db.insertInto("retention_policy").values({ id: true, session_days: 90 }).execute();

  await db.schema
    .createTable("retention_runs")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("ran_at", "timestamptz", (c) => c.notNull())
    // The policy applied and how many rows of each kind went.
    .addColumn("policy", "jsonb", (c) => c.notNull())
    .addColumn("deleted", "jsonb", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("retention_runs_by_time").on("retention_runs").column("ran_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("retention_runs").execute();
  await db.schema.dropTable("retention_policy").execute();
}
