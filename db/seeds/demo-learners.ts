import { sql } from "kysely";
import type { DB } from "../client";
import { loadContent } from "../../app/content/load.server";
import type { Catalog, Course } from "../../app/content/model";
import { completionCourse } from "../../app/content/progress-course";
import type { Answer } from "../../app/quiz/answers";
import type { QuestionKey } from "../../app/quiz/key";
import { addToCohort, createPerson, grantRole } from "../../app/models/person.server";
import { recordCompletion, recordView } from "../../app/models/learning/record.server";
import { applyQuizEvent, type QuizRef } from "../../app/models/quiz.server";
import { drawAttempt, quizSettings } from "../../app/quiz/attempt";

/**
 * Demo officers with a spread of progress, so the coordinator's reports have something to show.
 * Progress and quiz attempts are recorded through the same model functions the pages use, so
 * the event log and the projections agree; each officer's records are then moved back in time
 * together (by whole days), so completions spread over past weeks.
 */

const DAY = 86_400_000;
const PASSWORD = "sendero-demo";

export type Plan =
  /** Every item, quizzes answered right: the course is completed. */
  | { course: string; kind: "complete" }
  /** The first `items` items (quizzes answered right), then stops. */
  | { course: string; kind: "partial"; items: number; failFirstQuiz?: boolean };

interface DemoLearner {
  email: string;
  name: string;
  country: string;
  institution: string;
  cohort: "demo" | "border" | "workshop";
  daysAgo: number;
  plans: Plan[];
}

const LEARNERS: DemoLearner[] = [
  { email: "luis.hernandez@learners.demo.sendero.test", name: "Luis Hernández", country: "MX", institution: "INM", cohort: "demo", daysAgo: 20, plans: [{ course: "vulnerability-referral", kind: "complete" }, { course: "trafficking-smuggling", kind: "partial", items: 3 }] },
  { email: "maria.lopez@learners.demo.sendero.test", name: "María López", country: "MX", institution: "DIF", cohort: "demo", daysAgo: 6, plans: [{ course: "vulnerability-referral", kind: "partial", items: 5, failFirstQuiz: true }] },
  { email: "juan.perez@learners.demo.sendero.test", name: "Juan Pérez", country: "GT", institution: "IGM", cohort: "demo", daysAgo: 13, plans: [{ course: "vulnerability-referral", kind: "complete" }] },
  { email: "rosa.gomez@learners.demo.sendero.test", name: "Rosa Gómez", country: "GT", institution: "IGM", cohort: "demo", daysAgo: 0, plans: [] },
  { email: "pedro.ramirez@learners.demo.sendero.test", name: "Pedro Ramírez", country: "MX", institution: "INM", cohort: "workshop", daysAgo: 40, plans: [{ course: "psychological-first-aid", kind: "partial", items: 2 }] },
  { email: "carlos.mejia@learners.demo.sendero.test", name: "Carlos Mejía", country: "HN", institution: "INM-HN", cohort: "border", daysAgo: 9, plans: [{ course: "vulnerability-referral", kind: "complete" }] },
  { email: "sofia.martinez@learners.demo.sendero.test", name: "Sofía Martínez", country: "SV", institution: "DGME", cohort: "border", daysAgo: 3, plans: [{ course: "trafficking-smuggling", kind: "partial", items: 4 }] },
];

export async function seedDemoLearners(db: DB, demo: { cohortId: string; institutionIds: Record<string, string>; year: number }): Promise<void> {
  const catalog = loadContent(process.env.CONTENT_DIR ?? "content/courses").catalog;
  const cohorts = await db.transaction().execute(async (trx) => {
    const border = await trx.insertInto("cohorts").values({ name: `Frontera sur Honduras–El Salvador ${demo.year}`, starts_on: `${demo.year}-02-01`, ends_on: `${demo.year}-12-15` }).returning("id").executeTakeFirstOrThrow();
    const workshop = await trx.insertInto("cohorts").values({ name: `Taller Tapachula ${demo.year}`, starts_on: `${demo.year}-01-10`, ends_on: null }).returning("id").executeTakeFirstOrThrow();
    for (const course of ["vulnerability-referral", "trafficking-smuggling"]) {
      await trx.insertInto("cohort_courses").values({ cohort_id: border.id, course_id: course, due_on: `${demo.year}-12-15` }).execute();
    }
    // Due a month ago: whoever has not finished is overdue.
    const due = new Date(Date.now() - 30 * DAY).toISOString().slice(0, 10);
    await trx.insertInto("cohort_courses").values({ cohort_id: workshop.id, course_id: "psychological-first-aid", due_on: due }).execute();
    return { demo: demo.cohortId, border: border.id, workshop: workshop.id };
  });

  for (const learner of LEARNERS) {
    const personId = await db.transaction().execute(async (trx) => {
      const id = await createPerson(trx, { email: learner.email, displayName: learner.name, locale: "es", password: PASSWORD, countryCode: learner.country, institutionId: demo.institutionIds[learner.institution] ?? null });
      await grantRole(trx, id, "officer", { kind: "cohort", id: cohorts[learner.cohort] }, null);
      await addToCohort(trx, cohorts[learner.cohort], id, "officer");
      return id;
    });
    const now = Date.now() - learner.daysAgo * DAY;
    for (const plan of learner.plans) {
      const course = catalog.courses.get(plan.course);
      if (course) await followPlan(db, catalog, personId, course, plan, now);
    }
    if (learner.daysAgo > 0) await moveBack(db, personId, learner.daysAgo);
  }
}

/** Takes a course as the plan says, through the progress and quiz models (also used by tests). */
export async function followPlan(db: DB, catalog: Catalog, personId: string, course: Course, plan: Plan, now: number) {
  const items = [...course.items.values()];
  const count = plan.kind === "complete" ? items.length : plan.items;
  let failed = false;
  for (const item of items.slice(0, count)) {
    // An expert talk completes by attending it or answering its reflection, neither of which the demo invents.
    if (item.kind === "session") continue;
    await recordView(db, personId, course.id, item.id, item.kind);
    if (item.kind === "quiz") {
      const fail: boolean = plan.kind === "partial" && plan.failFirstQuiz === true && !failed;
      failed ||= fail;
      await takeQuiz(db, catalog, personId, course, item.id, fail ? "wrong" : "right", now);
      if (fail) return;
    } else {
      await recordCompletion(db, personId, completionCourse(course), item.id, item.kind);
    }
  }
}

/** One attempt at a quiz, every answer right or wrong, through the quiz model as the page does. */
export async function takeQuiz(db: DB, _catalog: Catalog, personId: string, course: Course, quizId: string, how: "right" | "wrong", now: number) {
  const file = course.quizzes.get(quizId);
  if (!file) return;
  // Passing completes the item, as on the quiz page.
  const ref: QuizRef = { course: completionCourse(course), quizId, settings: quizSettings(file) };
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  let t = now;
  const started = await applyQuizEvent(db, personId, ref, { type: "attempt.start", now: t, ...drawAttempt(file, random) }, null);
  const keys = started.snapshot.context.current?.keys ?? [];
  for (const [index, key] of keys.entries()) {
    t += 20_000;
    await applyQuizEvent(db, personId, ref, { type: "answer.submit", now: t, questionId: key.id, answer: answerFor(key, how, index), token: `demo-${index}` }, null);
    // With immediate feedback the next question needs "next"; otherwise this changes nothing.
    await applyQuizEvent(db, personId, ref, { type: "question.next", now: t }, null);
  }
  await applyQuizEvent(db, personId, ref, { type: "attempt.submit", now: t + 1000 }, null);
}

function answerFor(key: QuestionKey, how: "right" | "wrong", index: number): Answer {
  const right = how === "right";
  switch (key.type) {
    case "single": {
      const option = key.options.find((o) => o.correct === right) ?? key.options[0]!;
      return { type: "single", optionId: option.id };
    }
    case "multiple":
      return { type: "multiple", optionIds: key.options.filter((o) => o.correct === right).map((o) => o.id) };
    case "true-false":
      return { type: "true-false", value: right ? key.answer : !key.answer };
    case "matching":
      return { type: "matching", choices: Object.fromEntries(key.rows.map((r, i) => [r.id, right ? r.match : (key.rows[(i + 1) % key.rows.length]?.match ?? r.match)])) };
    case "ordering":
      return { type: "ordering", positions: Object.fromEntries(key.items.map((item, i) => [item.id, right ? i + 1 : key.items.length - i])) };
    case "short-text":
      return { type: "short-text", text: right ? (Object.values(key.accepted)[0]?.[0] ?? "") : `no sé ${index}` };
  }
}

/** Moves one person's progress and events back by whole days, all together, so they still agree. */
export async function moveBack(db: DB, personId: string, days: number) {
  const by = sql`make_interval(days => ${days})`;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("item_progress")
      .set({ first_viewed_at: sql`first_viewed_at - ${by}`, last_viewed_at: sql`last_viewed_at - ${by}`, completed_at: sql`completed_at - ${by}` })
      .where("person_id", "=", personId)
      .execute();
    await trx
      .updateTable("course_progress")
      .set({ started_at: sql`started_at - ${by}`, last_activity_at: sql`last_activity_at - ${by}`, completed_at: sql`completed_at - ${by}` })
      .where("person_id", "=", personId)
      .execute();
    await trx.updateTable("learning_events").set({ timestamp: sql`timestamp - ${by}` }).where("actor_id", "=", personId).execute();
    await trx.updateTable("quiz_states").set({ updated_at: sql`updated_at - ${by}` }).where("person_id", "=", personId).execute();
    await trx.updateTable("quiz_results").set({ updated_at: sql`updated_at - ${by}` }).where("person_id", "=", personId).execute();
  });
}
