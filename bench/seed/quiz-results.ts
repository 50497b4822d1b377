import { sql } from "kysely";
import type { DB } from "../../db/client";

/**
 * The quiz_results read model for the seeded quiz states: the app writes it beside each quiz
 * step (quiz.server.ts), the seed writes states in bulk, so it derives the results once at the
 * end, as migration 004 did for existing states. Without it the coordinator reports would show
 * no scores or passes and join an empty table.
 */
export async function deriveQuizResults(db: DB): Promise<number> {
  const result = await sql`
    insert into quiz_results (person_id, course_id, quiz_id, attempts, best_percent, last_percent, passed_at, updated_at)
    select s.person_id, s.course_id, s.quiz_id,
      jsonb_array_length(s.snapshot->'context'->'finished'),
      (select max((a->>'percent')::int) from jsonb_array_elements(s.snapshot->'context'->'finished') a),
      (s.snapshot->'context'->'finished'->-1->>'percent')::int,
      (select to_timestamp(min((a->>'finishedAt')::bigint) / 1000.0) from jsonb_array_elements(s.snapshot->'context'->'finished') a where (a->>'passed')::boolean),
      s.updated_at
    from quiz_states s
    where jsonb_array_length(s.snapshot->'context'->'finished') > 0
    on conflict do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
