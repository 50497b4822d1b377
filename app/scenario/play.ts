import { transition } from "xstate";
import type { LearningEvent } from "../learning/event";
import type { Outcome } from "../content/scenario-schema";
import type { Decision, Scenario } from "./compile";

// One person's plays of one scenario: the rules, pure. The compiled machine (./compile.ts)
// decides which choice is on offer at a node; this file keeps the play under way and the
// finished plays, and says which learning events each step amounts to.

/** Bumped when ScenarioState's shape changes; a stored state of another version is refused on restore. */
export const SCENARIO_PLAY_VERSION = 1;

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

export type ScenarioEvent = { type: "play.start" } | { type: "play.choose"; choiceId: string };

export const EMPTY_PLAYS: ScenarioState = { current: null, finished: [] };

/** The order of outcomes, best first: the best one reached is the one that counts. */
export const OUTCOME_RANK: Record<Outcome, number> = { protected: 0, partial: 1, harmful: 2 };

export function bestPlay(state: ScenarioState): FinishedPlay | null {
  return state.finished.reduce<FinishedPlay | null>((best, p) => (!best || OUTCOME_RANK[p.outcome] < OUTCOME_RANK[best.outcome] ? p : best), null);
}

/**
 * A stored state, with a play whose node the content no longer has dropped (the person starts
 * that play again; finished plays stay).
 */
export function restorePlays(scenario: Scenario, stored: unknown): ScenarioState {
  const state = (stored ?? EMPTY_PLAYS) as ScenarioState;
  if (state.current && !scenario.nodes.has(state.current.node)) return { ...state, current: null };
  return state;
}

export interface PlayStep {
  state: ScenarioState;
  events: LearningEvent[];
  /** The play this step ended, if it ended one. */
  finished: FinishedPlay | null;
}

/** The state after one event and the learning events it amounts to; null when not allowed. */
export function playStep(actorId: string, courseId: string, scenario: Scenario, before: ScenarioState, event: ScenarioEvent, now = new Date()): PlayStep | null {
  const scenarioObject = { type: "scenario", id: `${courseId}/${scenario.id}` };
  if (event.type === "play.start") {
    if (before.current) return null;
    const number = (before.finished.at(-1)?.number ?? 0) + 1;
    const state: ScenarioState = { ...before, current: { number, node: scenario.file.start, path: [] } };
    return { state, events: [{ actorId, verb: "attempted", object: scenarioObject, context: { course: courseId, play: number } }], finished: null };
  }

  const current = before.current;
  if (!current) return null;
  const snapshot = scenario.machine.resolveState({ value: current.node, context: { path: current.path } });
  const [after] = transition(scenario.machine, snapshot, { type: "choose", choiceId: event.choiceId });
  if (after.context.path.length === current.path.length) return null; // not on offer here
  const choice = scenario.nodes.get(current.node)!.choices.find((c) => c.id === event.choiceId)!;
  const at = String(after.value);
  const decided: LearningEvent = {
    actorId,
    verb: "responded",
    object: { type: "scenario-node", id: `${courseId}/${scenario.id}/${current.node}` },
    result: { response: choice.id, score: { raw: choice.score } },
    context: { course: courseId, scenario: scenario.id, play: current.number },
  };
  const ending = scenario.endings.get(at);
  if (!ending) return { state: { ...before, current: { ...current, node: at, path: after.context.path } }, events: [decided], finished: null };

  const path = after.context.path;
  const score = path.reduce((sum, d) => sum + (scenario.nodes.get(d.node)?.choices.find((c) => c.id === d.choice)?.score ?? 0), 0);
  const finished: FinishedPlay = { number: current.number, path, ending: ending.id, outcome: ending.outcome, score, finishedAt: now.toISOString() };
  const result = { completion: true, success: ending.outcome === "protected", response: ending.id, score: { raw: score }, extensions: { outcome: ending.outcome } };
  return {
    state: { current: null, finished: [...before.finished, finished] },
    finished,
    events: [decided, { actorId, verb: "completed", object: scenarioObject, result, context: { course: courseId, play: current.number } }],
  };
}
