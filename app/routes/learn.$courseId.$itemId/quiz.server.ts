import type { AppLoadContext } from "@remix-run/node";
import { randomInt, randomUUID } from "node:crypto";
import type { Course, CourseItem } from "../../content/model";
import type { QuizFile } from "../../content/quiz-schema";
import { completionCourse } from "../../content/progress-course";
import type { Locale } from "../../i18n/locales";
import type { QuizEvent } from "../../machines/quiz-attempt";
import { completeItem } from "../../models/progress.server";
import { applyQuizEvent, drawAttempt, loadQuizState, quizSettings, type QuizRef } from "../../models/quiz.server";
import type { Answer } from "../../quiz/answers";
import { quizView } from "../../quiz/view.server";

const random = () => randomInt(0, 2 ** 32) / 2 ** 32;

function refFor(course: Course, item: CourseItem, file: QuizFile): QuizRef {
  return { courseId: course.id, quizId: item.id, settings: quizSettings(file) };
}

/** Passing a quiz completes its item in the course, in the same transaction. */
function onPassed(personId: string, course: Course, item: CourseItem) {
  return async (trx: AppLoadContext["db"]) => {
    await completeItem(trx, personId, completionCourse(course), item.id, "quiz");
  };
}

/** The quiz page's data. An attempt past its time limit is closed here, when next opened. */
export async function quizPageData(context: AppLoadContext, personId: string, course: Course, item: CourseItem, locale: Locale) {
  const file = course.quizzes.get(item.id);
  if (!file) return null;
  const ref = refFor(course, item, file);
  let { snapshot, version } = await loadQuizState(context.db, personId, ref);
  const now = Date.now();
  if (snapshot.context.current?.deadline != null && now > snapshot.context.current.deadline) {
    const closed = await applyQuizEvent(context.db, personId, ref, { type: "clock.tick", now }, null, onPassed(personId, course, item));
    ({ snapshot, version } = closed);
  }
  // A fresh token per page: the same form sent twice is recorded once.
  return { view: quizView(file, snapshot, locale, now), version, token: randomUUID(), now };
}

export type QuizActionResult = { kind: "done" } | { kind: "stale" } | { kind: "invalid"; error: string; values: Record<string, string | string[]> };

/** One quiz step from a submitted form: restore, send one event, save (see applyQuizEvent). */
export async function quizAction(context: AppLoadContext, personId: string, course: Course, item: CourseItem, form: FormData): Promise<QuizActionResult> {
  const file = course.quizzes.get(item.id);
  if (!file) throw new Response("Not Found", { status: 404 });
  const ref = refFor(course, item, file);
  // The version the page showed; without it a step could not be told from a stale one.
  const rawVersion = form.get("version");
  if (typeof rawVersion !== "string" || !/^\d{1,9}$/.test(rawVersion)) return { kind: "invalid", error: "quiz.badForm", values: {} };
  const version = Number(rawVersion);
  const now = Date.now();
  const intent = String(form.get("intent") ?? "");
  let event: QuizEvent;
  switch (intent) {
    case "start":
      event = { type: "attempt.start", now, ...drawAttempt(file, random) };
      break;
    case "answer": {
      const { snapshot } = await loadQuizState(context.db, personId, ref);
      const current = snapshot.context.current;
      const key = current?.keys[current.index];
      const question = key && file.questions.find((q) => q.id === key.id);
      if (!current || !question) return { kind: "stale" };
      const answer = readAnswer(question, form);
      if (!answer) return { kind: "invalid", error: question.type === "ordering" ? "quiz.orderEachOnce" : "quiz.chooseAnswer", values: formValues(form) };
      event = { type: "answer.submit", now, questionId: question.id, answer, token: String(form.get("token") ?? "") };
      break;
    }
    case "next":
      event = { type: "question.next", now };
      break;
    case "goto":
      event = { type: "question.goto", now, index: Number(form.get("index")) - 1 };
      break;
    case "review":
      event = { type: "attempt.review", now };
      break;
    case "submit":
      event = { type: "attempt.submit", now };
      break;
    default:
      return { kind: "invalid", error: "quiz.badForm", values: {} };
  }
  const result = await applyQuizEvent(context.db, personId, ref, event, version, onPassed(personId, course, item));
  return result.ok ? { kind: "done" } : { kind: "stale" };
}

function formValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key === "_csrf") continue;
    const all = form.getAll(key).map(String);
    values[key] = all.length > 1 ? all : all[0] ?? "";
  }
  return values;
}

/** The answer in a submitted form, for the question's type, or null when incomplete or odd. */
export function readAnswer(question: QuizFile["questions"][number], form: FormData): Answer | null {
  switch (question.type) {
    case "single": {
      const id = form.get("option");
      return typeof id === "string" && question.options.some((o) => o.id === id) ? { type: "single", optionId: id } : null;
    }
    case "multiple": {
      const ids = form.getAll("option").map(String);
      return ids.length > 0 && ids.every((id) => question.options.some((o) => o.id === id)) ? { type: "multiple", optionIds: [...new Set(ids)] } : null;
    }
    case "true-false": {
      const value = form.get("value");
      return value === "true" || value === "false" ? { type: "true-false", value: value === "true" } : null;
    }
    case "matching": {
      const choices: Record<string, string> = {};
      for (const row of question.rows) {
        const choice = form.get(`match.${row.id}`);
        if (typeof choice !== "string" || !question.choices.some((c) => c.id === choice)) return null;
        choices[row.id] = choice;
      }
      return { type: "matching", choices };
    }
    case "ordering": {
      const positions: Record<string, number> = {};
      for (const entry of question.items) positions[entry.id] = Number(form.get(`position.${entry.id}`));
      const used = Object.values(positions);
      const n = question.items.length;
      // Each position once: a complete order, not a guess per item.
      return used.every((p) => Number.isInteger(p) && p >= 1 && p <= n) && new Set(used).size === n ? { type: "ordering", positions } : null;
    }
    case "short-text": {
      const value = String(form.get("text") ?? "").trim();
      return value && value.length <= 200 ? { type: "short-text", text: value } : null;
    }
  }
}
