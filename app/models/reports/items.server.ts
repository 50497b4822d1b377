import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { Catalog, Course } from "../../content/model";
import type { ReportFilters } from "../../reports/filters";
import { GROUP_SHARE, questionStatistics, type QuestionStatistics } from "../../reports/item-stats";
import type { Grant } from "../access.server";
import { enrolments } from "./enrolments.server";

export interface QuizAnalysis {
  quizId: string;
  attempts: number;
  questions: (QuestionStatistics & { questionId: string; options: Record<string, number> })[];
}

/**
 * Item analysis of every quiz of a course, over the finished attempts of the learners within
 * scope and filters, finished within the period. Read from the learning-event log: `completed`
 * quiz events carry each attempt's total, `answered` events each answer (the last one given
 * per attempt and question counts).
 */
export async function itemAnalysis(db: DB, catalog: Catalog, grants: Grant[], filters: ReportFilters, course: Course): Promise<QuizAnalysis[]> {
  const learners = enrolments(db, catalog, grants, { ...filters, course: course.id }).select("cohort_members.person_id");
  const results: QuizAnalysis[] = [];
  // In course order (the quiz files are read in file-name order).
  const quizIds = [...course.items.values()].filter((i) => i.kind === "quiz" && course.quizzes.has(i.id)).map((i) => i.id);
  for (const quizId of quizIds) {
    const quiz = `${course.id}/${quizId}`;
    const attempts = sql`
      select e.actor_id, e.context->>'attempt' as attempt,
        percent_rank() over (order by (e.result->'score'->>'scaled')::float8) as rank
      from learning_events e
      where e.object_type = 'quiz' and e.object_id = ${quiz} and e.verb = 'completed' and e.context ? 'attempt'
        and e.timestamp >= ${filters.from}::date and e.timestamp < ${filters.to}::date + 1
        and e.actor_id in (${learners})`;
    const answers = sql`
      select distinct on (e.actor_id, e.context->>'attempt', e.object_id)
        e.actor_id, e.context->>'attempt' as attempt, split_part(e.object_id, '/', 3) as question,
        (e.result->'score'->>'scaled')::float8 as score, e.result->'response' as response
      from learning_events e
      where e.object_type = 'question' and e.object_id like ${`${quiz}/%`} and e.verb = 'answered'
        and e.actor_id in (${learners})
      order by e.actor_id, e.context->>'attempt', e.object_id, e.timestamp desc, e.stored_at desc`;
    const upper = 1 - GROUP_SHARE;
    const figures = await sql<{ question: string; n: number; facility: number; upper: number | null; lower: number | null; attempts: number }>`
      with attempts as (${attempts}), answers as (${answers})
      select a.question, count(*)::int as n, avg(a.score)::float8 as facility,
        (avg(a.score) filter (where t.rank >= ${upper}))::float8 as upper,
        (avg(a.score) filter (where t.rank <= ${GROUP_SHARE}))::float8 as lower,
        (select count(*) from attempts)::int as attempts
      from answers a join attempts t on t.actor_id = a.actor_id and t.attempt = a.attempt
      group by a.question`.execute(db);
    const options = await sql<{ question: string; option: string; n: number }>`
      with attempts as (${attempts}), answers as (${answers})
      select a.question, o.option, count(*)::int as n
      from answers a join attempts t on t.actor_id = a.actor_id and t.attempt = a.attempt
      cross join lateral (
        select a.response->>'optionId' as option where a.response->>'type' = 'single'
        union all select a.response->>'value' where a.response->>'type' = 'true-false'
        union all select jsonb_array_elements_text(a.response->'optionIds') where a.response->>'type' = 'multiple'
      ) o
      group by a.question, o.option`.execute(db);
    const byQuestion = new Map(figures.rows.map((r) => [r.question, r]));
    const file = course.quizzes.get(quizId)!;
    results.push({
      quizId,
      attempts: figures.rows[0]?.attempts ?? 0,
      questions: file.questions.flatMap((q) => {
        const row = byQuestion.get(q.id);
        if (!row) return [];
        const counts = Object.fromEntries(options.rows.filter((o) => o.question === q.id).map((o) => [o.option, o.n]));
        return [{ questionId: q.id, options: counts, ...questionStatistics({ answers: row.n, facility: Number(row.facility), upper: row.upper === null ? null : Number(row.upper), lower: row.lower === null ? null : Number(row.lower) }) }];
      }),
    });
  }
  return results;
}
