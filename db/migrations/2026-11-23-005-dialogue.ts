import { sql, type Kysely } from "kysely";

// Dialogue between countries: spaces (reached through cohorts), threads, posts with their
// moderation state, reports, mutes, follows, read markers, notifications and a moderation history.
export async function up(db: Kysely<any>): Promise<void> {
  // kind: general (one per cohort), discussion (one per course discussion item and cohort),
  // regional (opened by an admin, spanning cohorts).
  await db.schema
    .createTable("dialogue_spaces")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('general', 'discussion', 'regional')`))
    .addColumn("title", "text", (c) => c.notNull())
    // "general:<cohort>" or "discussion:<cohort>:<course>:<item>": one such space each.
    .addColumn("key", "text", (c) => c.unique())
    .addColumn("course_id", "text")
    .addColumn("item_id", "text")
    .addColumn("edit_window_minutes", "integer", (c) => c.notNull().defaultTo(30))
    .addColumn("hold_first_posts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Who belongs to a space: the members and facilitators of these cohorts.
  await db.schema
    .createTable("dialogue_space_cohorts")
    .addColumn("space_id", "uuid", (c) => c.notNull().references("dialogue_spaces.id").onDelete("cascade"))
    .addColumn("cohort_id", "uuid", (c) => c.notNull().references("cohorts.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("dialogue_space_cohorts_pkey", ["space_id", "cohort_id"])
    .execute();
  await db.schema.createIndex("dialogue_space_cohorts_cohort").on("dialogue_space_cohorts").column("cohort_id").execute();

  await db.schema
    .createTable("dialogue_threads")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("space_id", "uuid", (c) => c.notNull().references("dialogue_spaces.id").onDelete("cascade"))
    // No author: the prompt thread of a course discussion item, opened by Sendero itself.
    .addColumn("author_id", "uuid", (c) => c.references("people.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("locked", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("pinned", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_post_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("dialogue_threads_space").on("dialogue_threads").columns(["space_id", "last_post_at"]).execute();

  await db.schema
    .createTable("dialogue_posts")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("thread_id", "uuid", (c) => c.notNull().references("dialogue_threads.id").onDelete("cascade"))
    .addColumn("parent_id", "uuid", (c) => c.references("dialogue_posts.id"))
    .addColumn("author_id", "uuid", (c) => c.notNull().references("people.id"))
    // The post that opened the thread: editing it edits the title too.
    .addColumn("opens_thread", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("body_source", "text", (c) => c.notNull())
    .addColumn("body_html", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('held', 'published', 'reported', 'hidden', 'removed')`))
    .addColumn("machine_version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("held_reason", "text")
    .addColumn("safeguarding_hits", "jsonb")
    .addColumn("hidden_reason", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_at", "timestamptz")
    .addColumn("edited_at", "timestamptz")
    .execute();
  await db.schema.createIndex("dialogue_posts_thread").on("dialogue_posts").columns(["thread_id", "created_at"]).execute();
  await db.schema.createIndex("dialogue_posts_author").on("dialogue_posts").columns(["author_id", "created_at"]).execute();
  await db.schema.createIndex("dialogue_posts_state").on("dialogue_posts").column("state").execute();

  await db.schema
    .createTable("dialogue_reports")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("post_id", "uuid", (c) => c.notNull().references("dialogue_posts.id").onDelete("cascade"))
    .addColumn("reporter_id", "uuid", (c) => c.notNull().references("people.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("resolved_at", "timestamptz")
    .addColumn("resolved_by", "uuid", (c) => c.references("people.id"))
    .addColumn("resolution", "text")
    .execute();
  await db.schema.createIndex("dialogue_reports_post").on("dialogue_reports").column("post_id").execute();

  await db.schema
    .createTable("dialogue_mutes")
    .addColumn("space_id", "uuid", (c) => c.notNull().references("dialogue_spaces.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("until", "timestamptz", (c) => c.notNull())
    .addColumn("muted_by", "uuid", (c) => c.references("people.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("dialogue_mutes_pkey", ["space_id", "person_id"])
    .execute();

  await db.schema
    .createTable("dialogue_follows")
    .addColumn("thread_id", "uuid", (c) => c.notNull().references("dialogue_threads.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("dialogue_follows_pkey", ["thread_id", "person_id"])
    .execute();

  // When a person last opened a thread: unread counts and the "new since your last visit" line.
  await db.schema
    .createTable("dialogue_reads")
    .addColumn("thread_id", "uuid", (c) => c.notNull().references("dialogue_threads.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("read_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("dialogue_reads_pkey", ["thread_id", "person_id"])
    .execute();

  // Stored as a kind and ids; the words are chosen at display time in the reader's language.
  await db.schema
    .createTable("notifications")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("thread_id", "uuid", (c) => c.references("dialogue_threads.id").onDelete("cascade"))
    .addColumn("post_id", "uuid", (c) => c.references("dialogue_posts.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("read_at", "timestamptz")
    .execute();
  await db.schema.createIndex("notifications_person").on("notifications").columns(["person_id", "read_at"]).execute();

  await db.schema
    .createTable("dialogue_moderation_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("space_id", "uuid", (c) => c.notNull().references("dialogue_spaces.id").onDelete("cascade"))
    .addColumn("actor_id", "uuid", (c) => c.references("people.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("thread_id", "uuid", (c) => c.references("dialogue_threads.id").onDelete("cascade"))
    .addColumn("post_id", "uuid", (c) => c.references("dialogue_posts.id").onDelete("cascade"))
    .addColumn("person_id", "uuid", (c) => c.references("people.id"))
    .addColumn("reason", "text")
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("dialogue_moderation_log_space").on("dialogue_moderation_log").columns(["space_id", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "dialogue_moderation_log",
    "notifications",
    "dialogue_reads",
    "dialogue_follows",
    "dialogue_mutes",
    "dialogue_reports",
    "dialogue_posts",
    "dialogue_threads",
    "dialogue_space_cohorts",
    "dialogue_spaces",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
