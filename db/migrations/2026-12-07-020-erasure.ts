import { sql, type Kysely } from "kysely";

// Erasure of a person on request (issue 21, docs/decisions/019-erasure.md): the request blocks
// the account at once and names the day of the purge, which replaces the person by a pseudonym.
// The programme's policy says how long the grace period is and what happens to their posts.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("people")
    .addColumn("erased_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("erasure_policy")
    // One row only: the key is always true.
    .addColumn("id", "boolean", (c) =>
      c
        .primaryKey()
        .defaultTo(true)
        .check(sql`id`)
    )
    .addColumn("grace_days", "integer", (c) =>
      c
        .notNull()
        .defaultTo(30)
        .check(sql`grace_days between 1 and 365`)
    )
    // "keep": posts stay, signed by "a removed participant"; "delete": they are removed like a post its author deleted.
    .addColumn("posts", "text", (c) =>
      c
        .notNull()
        .defaultTo("keep")
        .check(sql`posts in ('keep', 'delete')`)
    )
    .addColumn("updated_by", "uuid", (c) =>
      c.references("people.id").onDelete("set null")
    )
    .addColumn("updated_at", "timestamptz", (c) =>
      c.notNull().defaultTo(sql`now()`)
    )
    .execute();
  await db.insertInto("erasure_policy").values({ id: true }).execute();

  await db.schema
    .createTable("erasure_requests")
    .addColumn("id", "uuid", (c) =>
      c.primaryKey().defaultTo(sql`gen_random_uuid()`)
    )
    .addColumn("person_id", "uuid", (c) =>
      c.notNull().references("people.id").onDelete("cascade")
    )
    .addColumn("requested_by", "uuid", (c) =>
      c.references("people.id").onDelete("set null")
    )
    .addColumn("requested_at", "timestamptz", (c) =>
      c.notNull().defaultTo(sql`now()`)
    )
    .addColumn("purge_after", "timestamptz", (c) => c.notNull())
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("cancelled_by", "uuid", (c) =>
      c.references("people.id").onDelete("set null")
    )
    .addColumn("purged_at", "timestamptz")
    .execute();
  // At most one request in force per person.
  await db.schema
    .createIndex("erasure_requests_one_open")
    .on("erasure_requests")
    .column("person_id")
    .unique()
    .where(sql<boolean>`cancelled_at is null`)
    .execute();
  await db.schema
    .createIndex("erasure_requests_due")
    .on("erasure_requests")
    .column("purge_after")
    .where(sql<boolean>`cancelled_at is null and purged_at is null`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("erasure_requests").execute();
  await db.schema.dropTable("erasure_policy").execute();
  await db.schema.alterTable("people").dropColumn("erased_at").execute();
}
