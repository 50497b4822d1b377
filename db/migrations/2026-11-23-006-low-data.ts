import { sql, type Kysely } from "kysely";

// Low-data mode: pages without any script. A person may choose it (or choose the full pages)
// on their account page; null follows their cohorts, any of which an admin may set to low data.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("people")
    .addColumn("data_mode", "text", (c) => c.check(sql`data_mode in ('low', 'full')`))
    .execute();
  await db.schema
    .alterTable("cohorts")
    .addColumn("low_data", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cohorts").dropColumn("low_data").execute();
  await db.schema.alterTable("people").dropColumn("data_mode").execute();
}
