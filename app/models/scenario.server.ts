import type { DB } from "../../db/client";
import type { CompletingCourse } from "../content/progress-course";
import type { Scenario } from "../scenario/compile";
import { EMPTY_PLAYS, playStep, restorePlays, SCENARIO_PLAY_VERSION, type FinishedPlay, type ScenarioEvent, type ScenarioState } from "../scenario/play";
import { record } from "./learning/record.server";
import { loadVersionedState, stepVersionedState, type StateStore } from "./learning/versioned-state.server";
import type { Result } from "./result";

export interface ScenarioRef {
  /** The course the scenario is an item of: a protected ending completes the item. */
  course: CompletingCourse;
  scenario: Scenario;
}

function store(ref: ScenarioRef): StateStore<ScenarioState> {
  return {
    table: "scenario_states",
    machineVersion: SCENARIO_PLAY_VERSION,
    initial: () => EMPTY_PLAYS,
    restore: (stored) => restorePlays(ref.scenario, stored),
    persist: (state) => state,
  };
}

const keyOf = (personId: string, ref: ScenarioRef) => ({ personId, courseId: ref.course.id, itemId: ref.scenario.id });

export type ScenarioCode = "stale" | "not-offered" | "machine-version";

export async function loadScenarioState(db: DB, personId: string, ref: ScenarioRef): Promise<Result<{ state: ScenarioState; version: number }, "machine-version">> {
  return loadVersionedState(db, store(ref), keyOf(personId, ref));
}

export type ScenarioEventResult =
  | { ok: true; state: ScenarioState; version: number; finishedNow: FinishedPlay | null }
  | { ok: false; code: ScenarioCode; state: ScenarioState; version: number };

/**
 * One step of a play, saved with what it amounts to in one transaction: start a play, or take a
 * decision (checked against the compiled machine: only a choice on offer moves the play); a
 * protected ending completes the item. `expectedVersion` is the version the page showed; a stale
 * page or a repeated POST changes nothing.
 */
export async function applyScenarioEvent(db: DB, personId: string, ref: ScenarioRef, event: ScenarioEvent, expectedVersion: number): Promise<ScenarioEventResult> {
  return db.transaction().execute(async (trx) => {
    const step = await stepVersionedState(trx, store(ref), keyOf(personId, ref), expectedVersion, (before) => {
      const next = playStep(personId, ref.course.id, ref.scenario, before, event);
      return next && { state: next.state, extra: next };
    });
    if (!step.ok) return { ok: false, code: step.code === "refused" ? "not-offered" : step.code, state: step.state, version: step.version } as const;
    const played = step.step!;
    await record(trx, {
      personId,
      course: ref.course,
      item: { id: ref.scenario.id, kind: "scenario" },
      events: played.events,
      completed: played.finished?.outcome === "protected",
    });
    return { ok: true, state: step.state, version: step.version, finishedNow: played.finished } as const;
  });
}
