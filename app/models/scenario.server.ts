import { sql } from "kysely";
import { transition } from "xstate";
import type { DB } from "../../db/client";
import type { Outcome } from "../content/scenario-schema";
import type { Decision, Scenario } from "../scenario/compile";
import { appendLearningEvents, type LearningEvent } from "./learning-event.server";

/** The play under way, if any, and every finished play of one person in one scenario. */
export interface ScenarioState {
  current: { number: number; node: string; path: Decision[] } | null;
  finished: FinishedPlay[];
}

export interface FinishedPlay {
  number: number;
  path: Decision[];
  ending: string;
  outcome: Outcome;
  score: number;
  finishedAt: string;
}

export interface ScenarioRef {
  courseId: string;
  scenario: Scenario;
}

export type ScenarioEvent = { type: "play.start" } | { type: "play.choose"; choiceId: string };

const EMPTY: ScenarioState = { current: null, finished: [] };

/** The order of outcomes, best first: the best one reached is the one that counts. */
export const OUTCOME_RANK: Record<Outcome, number> = { protected: 0, partial: 1, harmful: 2 };

export function bestPlay(state: ScenarioState): FinishedPlay | null {
  return state.finished.reduce<FinishedPlay | null>((best, p) => (!best || OUTCOME_RANK[p.outcome] < OUTCOME_RANK[best.outcome] ? p : best), null);
}

/**
 * The stored state, with a play whose node the content no longer has dropped (the person
 * starts that play again; finished plays stay).
 */
function restore(ref: ScenarioRef, stored: unknown): ScenarioState {
  const state = (stored ?? EMPTY) as ScenarioState;
  if (state.current && !ref.scenario.nodes.has(state.current.node)) return { ...state, current: null };
  return state;
}

export async function loadScenarioState(db: DB, personId: string, ref: ScenarioRef): Promise<{ state: ScenarioState; version: number }> {
  const row = await db
    .selectFrom("scenario_states")
    .select(["state", "version"])
    .where("person_id", "=", personId)
    .where("course_id", "=", ref.courseId)
    .where("scenario_id", "=", ref.scenario.id)
    .executeTakeFirst();
  return row ? { state: restore(ref, row.state), version: row.version } : { state: EMPTY, version: 0 };
}

export type ScenarioEventResult =
  | { ok: true; state: ScenarioState; version: number; finishedNow: FinishedPlay | null }
  | { ok: false; reason: "stale" | "not-offered"; state: ScenarioState; version: number };

/**
 * One step of a play, saved with its learning events in one transaction: start a play, or take
 * a decision (checked against the compiled machine: only a choice on offer moves the play).
 * `expectedVersion` is the version the page showed; a stale page or a repeated POST changes
 * nothing. `onProtected` runs in the same transaction when a play reaches a protected ending.
 */
export async function applyScenarioEvent(
  db: DB,
  personId: string,
  ref: ScenarioRef,
  event: ScenarioEvent,
  expectedVersion: number,
  onProtected?: (trx: DB) => Promise<void>,
): Promise<ScenarioEventResult> {
  const refused = (reason: "stale" | "not-offered", state: ScenarioState, version: number) => new Refusal({ ok: false, reason, state, version });
  return db
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto("scenario_states")
        .values({ person_id: personId, course_id: ref.courseId, scenario_id: ref.scenario.id, state: JSON.stringify(EMPTY), version: 0 })
        .onConflict((oc) => oc.columns(["person_id", "course_id", "scenario_id"]).doNothing())
        .execute();
      // The row lock serialises every step of one person in one scenario, across processes.
      const row = await trx
        .selectFrom("scenario_states")
        .select(["state", "version"])
        .where("person_id", "=", personId)
        .where("course_id", "=", ref.courseId)
        .where("scenario_id", "=", ref.scenario.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const before = restore(ref, row.state);
      // A refusal rolls back, so even the empty row made for the lock is not left behind.
      if (expectedVersion !== row.version) throw refused("stale", before, row.version);
      const step = nextState(ref, before, event);
      if (!step) throw refused("not-offered", before, row.version);
      const version = row.version + 1;
      await trx
        .updateTable("scenario_states")
        .set({ state: JSON.stringify(step.state), version, updated_at: sql`now()` })
        .where("person_id", "=", personId)
        .where("course_id", "=", ref.courseId)
        .where("scenario_id", "=", ref.scenario.id)
        .execute();
      await appendLearningEvents(trx, step.events(personId));
      if (step.finished?.outcome === "protected" && onProtected) await onProtected(trx);
      return { ok: true, state: step.state, version, finishedNow: step.finished } as const;
    })
    .catch((error: unknown) => {
      if (error instanceof Refusal) return error.result;
      throw error;
    });
}

/** Thrown inside the transaction to roll it back and hand the refusal to the caller. */
class Refusal extends Error {
  constructor(readonly result: Extract<ScenarioEventResult, { ok: false }>) {
    super(result.reason);
  }
}

/** The state after one event and the learning events it amounts to; null when not allowed. */
function nextState(ref: ScenarioRef, before: ScenarioState, event: ScenarioEvent) {
  const { scenario, courseId } = ref;
  const scenarioObject = { type: "scenario", id: `${courseId}/${scenario.id}` };
  if (event.type === "play.start") {
    if (before.current) return null;
    const number = (before.finished.at(-1)?.number ?? 0) + 1;
    const state: ScenarioState = { ...before, current: { number, node: scenario.file.start, path: [] } };
    const events = (actorId: string): LearningEvent[] => [{ actorId, verb: "attempted", object: scenarioObject, context: { course: courseId, play: number } }];
    return { state, events, finished: null };
  }

  const current = before.current;
  if (!current) return null;
  const snapshot = scenario.machine.resolveState({ value: current.node, context: { path: current.path } });
  const [after] = transition(scenario.machine, snapshot, { type: "choose", choiceId: event.choiceId });
  if (after.context.path.length === current.path.length) return null; // not on offer here
  const choice = scenario.nodes.get(current.node)!.choices.find((c) => c.id === event.choiceId)!;
  const at = String(after.value);
  const decided: LearningEvent = {
    actorId: "",
    verb: "responded",
    object: { type: "scenario-node", id: `${courseId}/${scenario.id}/${current.node}` },
    result: { response: choice.id, score: { raw: choice.score } },
    context: { course: courseId, scenario: scenario.id, play: current.number },
  };
  const ending = scenario.endings.get(at);
  if (!ending) {
    const state: ScenarioState = { ...before, current: { ...current, node: at, path: after.context.path } };
    return { state, events: (actorId: string) => [{ ...decided, actorId }], finished: null };
  }
  const path = after.context.path;
  const score = path.reduce((sum, d) => sum + (scenario.nodes.get(d.node)?.choices.find((c) => c.id === d.choice)?.score ?? 0), 0);
  const finished: FinishedPlay = { number: current.number, path, ending: ending.id, outcome: ending.outcome, score, finishedAt: new Date().toISOString() };
  const state: ScenarioState = { current: null, finished: [...before.finished, finished] };
  const result = { completion: true, success: ending.outcome === "protected", response: ending.id, score: { raw: score }, extensions: { outcome: ending.outcome } };
  return {
    state,
    finished,
    events: (actorId: string): LearningEvent[] => [
      { ...decided, actorId },
      { actorId, verb: "completed", object: scenarioObject, result, context: { course: courseId, play: current.number } },
    ],
  };
}
