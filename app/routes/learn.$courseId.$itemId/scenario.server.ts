import type { AppLoadContext } from "@remix-run/node";
import type { Course, CourseItem } from "../../content/model";
import { completionCourse } from "../../content/progress-course";
import type { Locale } from "../../i18n/locales";
import { completeItem } from "../../models/progress.server";
import { applyScenarioEvent, loadScenarioState, type ScenarioEvent } from "../../models/scenario.server";
import { scenarioView } from "../../scenario/view.server";

/** The scenario page's data, or null when the course has no (valid) file for the item. */
export async function scenarioPageData(context: AppLoadContext, personId: string, course: Course, item: CourseItem, locale: Locale) {
  const scenario = course.scenarios.get(item.id);
  if (!scenario) return null;
  const { state, version } = await loadScenarioState(context.db, personId, { courseId: course.id, scenario });
  return { view: scenarioView(scenario, state, locale), version };
}

export type ScenarioActionResult = { kind: "done" } | { kind: "stale" } | { kind: "invalid"; error: string };

/** One step of a play from a submitted form: start (or replay), or decide. */
export async function scenarioAction(context: AppLoadContext, personId: string, course: Course, item: CourseItem, form: FormData): Promise<ScenarioActionResult> {
  const scenario = course.scenarios.get(item.id);
  if (!scenario) throw new Response("Not Found", { status: 404 });
  const rawVersion = form.get("version");
  if (typeof rawVersion !== "string" || !/^\d{1,9}$/.test(rawVersion)) return { kind: "invalid", error: "scenario.badForm" };
  let event: ScenarioEvent;
  const intent = form.get("intent");
  if (intent === "start") event = { type: "play.start" };
  else if (intent === "choose") {
    const choice = form.get("choice");
    if (typeof choice !== "string" || choice === "") return { kind: "invalid", error: "scenario.chooseOne" };
    event = { type: "play.choose", choiceId: choice.slice(0, 100) };
  } else return { kind: "invalid", error: "scenario.badForm" };

  // Reaching a protected ending completes the item, in the same transaction.
  const onProtected = async (trx: AppLoadContext["db"]) => {
    await completeItem(trx, personId, completionCourse(course), item.id, "scenario");
  };
  const result = await applyScenarioEvent(context.db, personId, { courseId: course.id, scenario }, event, Number(rawVersion), onProtected);
  if (result.ok) return { kind: "done" };
  return result.reason === "stale" ? { kind: "stale" } : { kind: "invalid", error: "scenario.notOffered" };
}
