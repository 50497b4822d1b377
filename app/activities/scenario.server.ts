import { completionCourse } from "../content/progress-course";
import { applyScenarioEvent, loadScenarioState } from "../models/scenario.server";
import type { ScenarioEvent } from "../scenario/play";
import { scenarioView, type ScenarioView } from "../scenario/view.server";
import { itemPath, OUTDATED, refuse, type Activity } from "./activity.server";

export type ScenarioPage = { view: ScenarioView; version: number } | typeof OUTDATED;

/** A branching case: one decision per page, a debrief at the end; a protected ending completes the item. */
export const scenario: Activity<ScenarioPage> = {
  async pageData({ context, personId, course, item, locale }) {
    const found = course.scenarios.get(item.id);
    if (!found) return null;
    const loaded = await loadScenarioState(context.db, personId, { course: completionCourse(course), scenario: found });
    return loaded.ok ? { view: scenarioView(found, loaded.state, locale), version: loaded.version } : OUTDATED;
  },

  /** One step of a play from a submitted form: start (or replay), or decide. */
  async act(args, form) {
    const { context, personId, course, item } = args;
    const found = course.scenarios.get(item.id);
    if (!found) throw new Response("Not Found", { status: 404 });
    const rawVersion = form.get("version");
    if (typeof rawVersion !== "string" || !/^\d{1,9}$/.test(rawVersion)) return refuse(400, "scenario.badForm");
    let event: ScenarioEvent;
    const intent = form.get("intent");
    if (intent === "start") event = { type: "play.start" };
    else if (intent === "choose") {
      const choice = form.get("choice");
      if (typeof choice !== "string" || choice === "") return refuse(400, "scenario.chooseOne");
      event = { type: "play.choose", choiceId: choice.slice(0, 100) };
    } else return refuse(400, "scenario.badForm");

    const result = await applyScenarioEvent(context.db, personId, { course: completionCourse(course), scenario: found }, event, Number(rawVersion));
    if (result.ok) return { redirect: itemPath(args) };
    if (result.code === "stale") return { redirect: `${itemPath(args)}?stale=1` };
    return refuse(result.code === "machine-version" ? 409 : 400, result.code === "machine-version" ? "activity.outdated" : "scenario.notOffered");
  },
};
