import { sql, type Kysely } from "kysely";

// The organisation run from the browser (issue 15): countries and institutions can be retired
// (never deleted: people, grants and history point at them), institutions have a kind and can be
// merged into another; cohorts are programme runs with a capacity, a language, an owning country
// (which decides which country coordinators may manage them), the run they were copied from,
// and a closed date after which they are read-only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("countries").addColumn("retired_at", "timestamptz").execute();

  await db.schema
    .alterTable("institutions")
    .addColumn("kind", "text", (c) =>
      c.check(sql`kind in ('migration', 'police', 'consulate', 'protection', 'child-protection', 'health', 'civil-society')`),
    )
    .addColumn("retired_at", "timestamptz")
    .addColumn("merged_into", "uuid", (c) => c.references("institutions.id"))
    .execute();

  await db.schema
    .alterTable("cohorts")
    .addColumn("capacity", "integer", (c) => c.check(sql`capacity > 0`))
    .addColumn("locale", "text")
    .addColumn("country_code", "text", (c) => c.references("countries.code"))
    .addColumn("copied_from", "uuid", (c) => c.references("cohorts.id").onDelete("set null"))
    .addColumn("closed_at", "timestamptz")
    .execute();
  await db.schema.createIndex("cohorts_country_idx").on("cohorts").column("country_code").execute();
  await db.schema.createIndex("role_grants_institution_idx").on("role_grants").column("institution_id").execute();
  await db.schema.createIndex("audit_log_actor_idx").on("audit_log").columns(["actor_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_log_actor_idx").execute();
  await db.schema.dropIndex("role_grants_institution_idx").execute();
  await db.schema.dropIndex("cohorts_country_idx").execute();
  for (const column of ["closed_at", "copied_from", "country_code", "locale", "capacity"]) {
    await db.schema.alterTable("cohorts").dropColumn(column).execute();
  }
  for (const column of ["merged_into", "retired_at", "kind"]) {
    await db.schema.alterTable("institutions").dropColumn(column).execute();
  }
  await db.schema.alterTable("countries").dropColumn("retired_at").execute();
}
