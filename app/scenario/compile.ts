import { assign, setup, type SnapshotFrom } from "xstate";
import type { ScenarioChoice, ScenarioEnding, ScenarioFile, ScenarioNode } from "../content/scenario-schema";

/** One decision taken in a play: at which node, which choice. */
export interface Decision {
  node: string;
  choice: string;
}

export interface PlayContext {
  path: Decision[];
}

export type ScenarioEvent = { type: "choose"; choiceId: string };

/** Whether a choice is on offer after the decisions taken so far (its `requires` and `excludes`). */
export function isOffered(choice: ScenarioChoice, path: readonly Decision[]): boolean {
  const taken = new Set(path.map((d) => `${d.node}.${d.choice}`));
  return choice.requires.every((r) => taken.has(r)) && !choice.excludes.some((e) => taken.has(e));
}

/** The choices a node offers after these decisions, in the written order. */
export function offeredChoices(node: ScenarioNode, path: readonly Decision[]): ScenarioChoice[] {
  return node.choices.filter((c) => isOffered(c, path));
}

/**
 * A scenario as an XState machine: one state per node, one final state per ending, a `choose`
 * event per decision, guarded by the choice's conditions; the context keeps the path. The file
 * must already have passed the reference checks of check.ts (every `to` exists).
 */
export function compileScenario(id: string, file: ScenarioFile) {
  const states: Record<string, object> = {};
  for (const node of file.nodes) {
    states[node.id] = {
      on: {
        choose: node.choices.map((choice) => ({
          guard: ({ context, event }: { context: PlayContext; event: ScenarioEvent }) => event.choiceId === choice.id && isOffered(choice, context.path),
          target: choice.to,
          actions: assign({ path: ({ context }: { context: PlayContext }) => [...context.path, { node: node.id, choice: choice.id }] }),
        })),
      },
    };
  }
  for (const ending of file.endings) states[ending.id] = { type: "final" };
  return setup({ types: {} as { context: PlayContext; events: ScenarioEvent } }).createMachine({
    id,
    initial: file.start,
    context: { path: [] },
    states,
  } as never);
}

export type ScenarioMachine = ReturnType<typeof compileScenario>;
export type PlaySnapshot = SnapshotFrom<ScenarioMachine>;

/** A compiled scenario with its nodes and endings at hand. */
export interface Scenario {
  id: string;
  file: ScenarioFile;
  machine: ScenarioMachine;
  nodes: Map<string, ScenarioNode>;
  endings: Map<string, ScenarioEnding>;
}

export function toScenario(id: string, file: ScenarioFile): Scenario {
  return {
    id,
    file,
    machine: compileScenario(id, file),
    nodes: new Map(file.nodes.map((n) => [n.id, n])),
    endings: new Map(file.endings.map((e) => [e.id, e])),
  };
}
