import { sql, type Kysely } from "kysely";

// Foundation: organisation, people, sign-in, roles with scope, cohorts, invitations,
// audit log and the learning-event log. Frozen once landed: change the schema in a new file.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("countries")
    .addColumn("code", "text", (c) => c.primaryKey().check(sql`code ~ '^[A-Z]{2}$'`))
    .execute();

  await db.schema
    .createTable("institutions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("country_code", "text", (c) => c.notNull().references("countries.code"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("short_name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("institutions_country_name_key", ["country_code", "name"])
    .execute();

  await db.schema
    .createTable("units")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("institution_id", "uuid", (c) => c.notNull().references("institutions.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("units_institution_name_key", ["institution_id", "name"])
    .execute();

  await db.schema
    .createTable("people")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("email", "text", (c) => c.notNull().unique().check(sql`email = lower(email)`))
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull().defaultTo("es"))
    .addColumn("country_code", "text", (c) => c.references("countries.code"))
    .addColumn("institution_id", "uuid", (c) => c.references("institutions.id"))
    .addColumn("unit_id", "uuid", (c) => c.references("units.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("disabled_at", "timestamptz")
    .execute();
  await db.schema.createIndex("people_country_idx").on("people").column("country_code").execute();
  await db.schema.createIndex("people_institution_idx").on("people").column("institution_id").execute();

  await db.schema
    .createTable("credentials")
    .addColumn("person_id", "uuid", (c) => c.primaryKey().references("people.id").onDelete("cascade"))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The cookie carries a random token; only its SHA-256 is stored, so a copy of this table
  // cannot be replayed as sessions.
  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_person_idx").on("sessions").column("person_id").execute();

  await db.schema
    .createTable("roles")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("rank", "integer", (c) => c.notNull().unique())
    .execute();
  await db
    .insertInto("roles")
    .values([
      { name: "officer", rank: 1 },
      { name: "facilitator", rank: 2 },
      { name: "coordinator", rank: 3 },
      { name: "admin", rank: 4 },
    ])
    .execute();

  await db.schema
    .createTable("cohorts")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("starts_on", "date")
    .addColumn("ends_on", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("cohorts_dates_check", sql`ends_on is null or starts_on is null or ends_on >= starts_on`)
    .execute();

  // A grant gives a role within a scope: everywhere, a country, an institution or a cohort.
  await db.schema
    .createTable("role_grants")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().references("roles.name"))
    .addColumn("scope_kind", "text", (c) =>
      c.notNull().check(sql`scope_kind in ('global', 'country', 'institution', 'cohort')`),
    )
    .addColumn("country_code", "text", (c) => c.references("countries.code"))
    .addColumn("institution_id", "uuid", (c) => c.references("institutions.id").onDelete("cascade"))
    .addColumn("cohort_id", "uuid", (c) => c.references("cohorts.id").onDelete("cascade"))
    .addColumn("granted_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "role_grants_scope_check",
      sql`(scope_kind = 'global' and country_code is null and institution_id is null and cohort_id is null)
       or (scope_kind = 'country' and country_code is not null and institution_id is null and cohort_id is null)
       or (scope_kind = 'institution' and institution_id is not null and country_code is null and cohort_id is null)
       or (scope_kind = 'cohort' and cohort_id is not null and country_code is null and institution_id is null)`,
    )
    .execute();
  await db.schema.createIndex("role_grants_person_idx").on("role_grants").column("person_id").execute();
  await sql`create unique index role_grants_unique_idx on role_grants
    (person_id, role, scope_kind, coalesce(country_code, ''), coalesce(institution_id::text, ''), coalesce(cohort_id::text, ''))`.execute(db);

  await db.schema
    .createTable("cohort_members")
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().references("roles.name"))
    .addColumn("joined_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("cohort_members_pkey", ["cohort_id", "person_id"])
    .execute();
  await db.schema.createIndex("cohort_members_person_idx").on("cohort_members").column("person_id").execute();

  await db.schema
    .createTable("invitations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().references("roles.name"))
    .addColumn("email", "text")
    .addColumn("note", "text")
    .addColumn("created_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("accepted_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("revoked_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("password_resets")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("created_by", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();

  // Failed sign-in counters live here (not in process memory) so they hold across processes.
  await db.schema
    .createTable("login_throttles")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_started_at", "timestamptz", (c) => c.notNull())
    .addColumn("locked_until", "timestamptz")
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor_id", "uuid", (c) => c.references("people.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_type", "text")
    .addColumn("target_id", "text")
    .addColumn("details", "jsonb")
    .addColumn("request_id", "text")
    .execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();

  // One row per learning event, shaped like an xAPI statement.
  await db.schema
    .createTable("learning_events")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("actor_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("verb", "text", (c) => c.notNull())
    .addColumn("object_type", "text", (c) => c.notNull())
    .addColumn("object_id", "text", (c) => c.notNull())
    .addColumn("result", "jsonb")
    .addColumn("context", "jsonb")
    .addColumn("timestamp", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("stored_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("learning_events_actor_idx")
    .on("learning_events")
    .columns(["actor_id", "timestamp"])
    .execute();
  await db.schema
    .createIndex("learning_events_object_idx")
    .on("learning_events")
    .columns(["object_type", "object_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "learning_events",
    "audit_log",
    "login_throttles",
    "password_resets",
    "invitations",
    "cohort_members",
    "role_grants",
    "cohorts",
    "roles",
    "sessions",
    "credentials",
    "people",
    "units",
    "institutions",
    "countries",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
