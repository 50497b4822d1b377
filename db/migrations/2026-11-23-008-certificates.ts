import { sql, type Kysely } from "kysely";

// Certificates: one per person and course, with what they said when issued (holder's name,
// course title, estimated time) so a later rename does not change a document already handed out.
// Issuer keys: the server's signing keys for Open Badges credentials (public part published).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("certificates")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("course_version", "integer", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("holder_name", "text", (c) => c.notNull())
    .addColumn("course_title", "jsonb", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("issued_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("revoked_at", "timestamptz")
    .addColumn("revoked_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("revoked_reason", "text")
    .addUniqueConstraint("certificates_person_course_key", ["person_id", "course_id"])
    .execute();
  await db.schema.createIndex("certificates_issued_idx").on("certificates").column("issued_at").execute();

  await db.schema
    .createTable("issuer_keys")
    .addColumn("kid", "text", (c) => c.primaryKey())
    .addColumn("public_jwk", "jsonb", (c) => c.notNull())
    .addColumn("private_jwk", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("issuer_keys").execute();
  await db.schema.dropTable("certificates").execute();
}
