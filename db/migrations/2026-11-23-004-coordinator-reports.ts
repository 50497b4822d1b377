import { sql, type Kysely } from "kysely";

// Read model for coordinator reports: one row per person and quiz with the attempts made and
// the best and last score, kept in the same transaction as the quiz state (see ADR 004), so a
// learner list can sort and filter by score without opening snapshots or scanning the event log.
// Plus the indexes the report queries use.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("quiz_results")
    .addColumn("person_id", "uuid", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("course_id", "text", (c) => c.notNull())
    .addColumn("quiz_id", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("best_percent", "integer", (c) => c.notNull())
    .addColumn("last_percent", "integer", (c) => c.notNull())
    .addColumn("passed_at", "timestamptz")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("quiz_results_pkey", ["person_id", "course_id", "quiz_id"])
    .execute();
  await db.schema.createIndex("quiz_results_quiz_idx").on("quiz_results").columns(["course_id", "quiz_id"]).execute();

  // Rebuilt from the stored quiz states, so results recorded before this migration count.
  await sql`
    insert into quiz_results (person_id, course_id, quiz_id, attempts, best_percent, last_percent, passed_at, updated_at)
    select s.person_id, s.course_id, s.quiz_id,
      jsonb_array_length(s.snapshot->'context'->'finished'),
      (select max((a->>'percent')::int) from jsonb_array_elements(s.snapshot->'context'->'finished') a),
      (s.snapshot->'context'->'finished'->-1->>'percent')::int,
      (select to_timestamp(min((a->>'finishedAt')::bigint) / 1000.0) from jsonb_array_elements(s.snapshot->'context'->'finished') a where (a->>'passed')::boolean),
      s.updated_at
    from quiz_states s
    where jsonb_array_length(s.snapshot->'context'->'finished') > 0`.execute(db);

  // Completions by date (completions per week) and members by cohort (enrolments).
  await db.schema.createIndex("course_progress_completed_idx").on("course_progress").columns(["course_id", "completed_at"]).execute();
  await db.schema.createIndex("cohort_members_cohort_idx").on("cohort_members").columns(["cohort_id", "role", "person_id"]).execute();
  // The learner list's default order and the exports' keyset (name, then id).
  await sql`create index people_name_idx on people (lower(display_name), id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("people_name_idx").execute();
  await db.schema.dropIndex("cohort_members_cohort_idx").execute();
  await db.schema.dropIndex("course_progress_completed_idx").execute();
  await db.schema.dropTable("quiz_results").execute();
}
