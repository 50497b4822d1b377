import { sql, type Kysely } from "kysely";

// The outbox: a message is written here in the transaction of the change that causes it, and a
// worker in each server process sends it (docs/decisions/011-mail-outbox.md). Mail preferences
// let a person turn reminders and digests off.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    // Cleared once sent: the bodies carry one-time links, which a database copy must not hold.
    .addColumn("text_body", "text")
    .addColumn("html_body", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("queued").check(sql`status in ('queued', 'sent', 'failed')`))
    .addColumn("sent_via", "text", (c) => c.check(sql`sent_via in ('smtp', 'log')`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_error", "text")
    .addColumn("sent_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // Messages that must go once only (a reminder per course and due date) carry a key.
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .execute();
  // The worker's question: which queued messages are due, oldest first.
  await db.schema.createIndex("mail_outbox_due_idx").on("mail_outbox").columns(["next_attempt_at"]).where(sql.ref("status"), "=", "queued").execute();
  await db.schema.createIndex("mail_outbox_status_idx").on("mail_outbox").columns(["status", "created_at"]).execute();

  await db.schema
    .createTable("mail_preferences")
    .addColumn("person_id", "uuid", (c) => c.primaryKey().references("people.id").onDelete("cascade"))
    .addColumn("reminders", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("digests", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("mail_preferences").execute();
  await db.schema.dropTable("mail_outbox").execute();
}
