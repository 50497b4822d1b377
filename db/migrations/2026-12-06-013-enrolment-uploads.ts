import { sql, type Kysely } from "kysely";

// A bulk-enrolment file, kept from its preview until it is imported (or for a day): so the
// preview is a page of its own (POST → redirect → GET) and the import needs no second upload.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("enrolment_uploads")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("uploaded_by", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("bytes", "bytea", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("enrolment_uploads_created_at").on("enrolment_uploads").column("created_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("enrolment_uploads").execute();
}
