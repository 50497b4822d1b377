import { randomInt, randomUUID } from "node:crypto";
import type { Course, CourseItem } from "../content/model";
import { completionCourse } from "../content/progress-course";
import type { QuizFile } from "../content/quiz-schema";
import type { QuizEvent } from "../machines/quiz-attempt";
import { applyQuizEvent, loadQuizState, type QuizRef } from "../models/quiz.server";
import { drawAttempt, quizSettings } from "../quiz/attempt";
import { readAnswer } from "../quiz/read-answer";
import { quizView, type QuizView } from "../quiz/view.server";
import { itemPath, OUTDATED, refuse, type Activity } from "./activity.server";

const random = () => randomInt(0, 2 ** 32) / 2 ** 32;

function refFor(course: Course, item: CourseItem, file: QuizFile): QuizRef {
  return { course: completionCourse(course), quizId: item.id, settings: quizSettings(file) };
}

export type QuizPage = { view: QuizView; version: number; token: string; now: number } | typeof OUTDATED;

/** A quiz: one question per page, feedback, results; passing completes the item. */
export const quiz: Activity<QuizPage> = {
  /** An attempt past its time limit is closed here, when next opened. */
  async pageData({ context, personId, course, item, locale }) {
    const file = course.quizzes.get(item.id);
    if (!file) return null;
    const ref = refFor(course, item, file);
    const loaded = await loadQuizState(context.db, personId, ref);
    if (!loaded.ok) return OUTDATED;
    let { snapshot, version } = loaded;
    const now = Date.now();
    if (snapshot.context.current?.deadline != null && now > snapshot.context.current.deadline) {
      ({ snapshot, version } = await applyQuizEvent(context.db, personId, ref, { type: "clock.tick", now }, null));
    }
    // A fresh token per page: the same form sent twice is recorded once.
    return { view: quizView(file, snapshot, locale, now), version, token: randomUUID(), now };
  },

  /** One quiz step from a submitted form: restore, send one event, save (see applyQuizEvent). */
  async act(args, form) {
    const { context, personId, course, item } = args;
    const file = course.quizzes.get(item.id);
    if (!file) throw new Response("Not Found", { status: 404 });
    const ref = refFor(course, item, file);
    // The version the page showed; without it a step could not be told from a stale one.
    const rawVersion = form.get("version");
    if (typeof rawVersion !== "string" || !/^\d{1,9}$/.test(rawVersion)) return refuse(400, "quiz.badForm");
    const version = Number(rawVersion);
    const now = Date.now();
    let event: QuizEvent;
    switch (String(form.get("intent") ?? "")) {
      case "start":
        event = { type: "attempt.start", now, ...drawAttempt(file, random) };
        break;
      case "answer": {
        const loaded = await loadQuizState(context.db, personId, ref);
        if (!loaded.ok) return refuse(409, "activity.outdated");
        const current = loaded.snapshot.context.current;
        const key = current?.keys[current.index];
        const question = key && file.questions.find((q) => q.id === key.id);
        if (!current || !question) return { redirect: `${itemPath(args)}?stale=1` };
        const answer = readAnswer(question, form);
        if (!answer) return refuse(400, question.type === "ordering" ? "quiz.orderEachOnce" : "quiz.chooseAnswer", formValues(form));
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
        return refuse(400, "quiz.badForm");
    }
    const result = await applyQuizEvent(context.db, personId, ref, event, version);
    if (!result.ok && result.code === "machine-version") return refuse(409, "activity.outdated");
    return { redirect: result.ok ? itemPath(args) : `${itemPath(args)}?stale=1` };
  },
};

function formValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key === "_csrf") continue;
    const all = form.getAll(key).map(String);
    values[key] = all.length > 1 ? all : all[0] ?? "";
  }
  return values;
}
