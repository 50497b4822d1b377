import { getAdjacencyMap } from "xstate/graph";
import type { ScenarioFile } from "../content/scenario-schema";
import { compileScenario, offeredChoices, type PlaySnapshot, type ScenarioEvent } from "./compile";

/** A problem in a scenario, with the path (into the YAML document) it is about. */
export interface ScenarioProblem {
  path: (string | number)[];
  message: string;
}

// Walking every play is exponential in the worst case; a scenario this big is not reviewable anyway.
const MAX_STATES = 100_000;

/**
 * Proves a scenario sound: references resolve, every node and ending can be reached, no
 * reachable node leaves the officer without a choice, and every play reaches an ending within
 * `max_steps` decisions. The last three are proved on the compiled machine by walking every
 * possible play with xstate/graph (conditions on earlier decisions included). Returns the
 * problems and the number of distinct plays.
 */
export function checkScenario(file: ScenarioFile): { problems: ScenarioProblem[]; plays: number } {
  const problems = checkReferences(file);
  if (problems.length) return { problems, plays: 0 };
  problems.push(...checkExits(file));
  if (problems.length) return { problems, plays: 0 };

  const nodes = new Map(file.nodes.map((n) => [n.id, n]));
  const endingIds = new Set(file.endings.map((e) => e.id));
  const machine = compileScenario("check", file);
  const events = (snapshot: PlaySnapshot): ScenarioEvent[] => {
    const node = nodes.get(String(snapshot.value));
    if (!node || snapshot.context.path.length >= file.max_steps) return [];
    return offeredChoices(node, snapshot.context.path).map((c) => ({ type: "choose", choiceId: c.id }));
  };
  const walk = () =>
    getAdjacencyMap(machine, {
      events,
      // A state is a node plus the decisions that led there: conditions depend on them.
      serializeState: (s) => JSON.stringify([s.value, s.context.path]),
      limit: MAX_STATES,
    });
  let adjacency: ReturnType<typeof walk>;
  try {
    adjacency = walk();
  } catch {
    return { problems: [{ path: ["nodes"], message: `more than ${MAX_STATES} distinct situations: split the scenario or cut branches` }], plays: 0 };
  }

  const reached = new Set<string>();
  let plays = 0;
  const reported = new Set<string>();
  for (const { state } of Object.values(adjacency)) {
    const at = String(state.value);
    reached.add(at);
    if (endingIds.has(at)) {
      plays++;
      continue;
    }
    const route = state.context.path.map((d: { node: string; choice: string }) => `${d.node}.${d.choice}`).join(" → ") || "(start)";
    const index = file.nodes.findIndex((n) => n.id === at);
    if (state.context.path.length >= file.max_steps) {
      if (!reported.has("steps")) problems.push({ path: ["max_steps"], message: `a play can take more than max_steps (${file.max_steps}) decisions without an ending (a loop?): ${route}` });
      reported.add("steps");
    } else if (events(state).length === 0 && !reported.has(`dead:${at}`)) {
      problems.push({ path: ["nodes", index, "choices"], message: `dead end: after ${route}, node "${at}" offers no choice (requires/excludes hide them all)` });
      reported.add(`dead:${at}`);
    }
  }
  file.nodes.forEach((n, i) => {
    if (!reached.has(n.id)) problems.push({ path: ["nodes", i, "id"], message: `node "${n.id}" can never be reached from "${file.start}"` });
  });
  file.endings.forEach((e, i) => {
    if (!reached.has(e.id)) problems.push({ path: ["endings", i, "id"], message: `ending "${e.id}" can never be reached from "${file.start}"` });
  });
  return { problems, plays };
}

/** Unique ids, known targets and known earlier decisions, at least one protected ending. */
function checkReferences(file: ScenarioFile): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const ids = new Map<string, string>();
  file.nodes.forEach((n, i) => {
    if (ids.has(n.id)) problems.push({ path: ["nodes", i, "id"], message: `duplicate id "${n.id}"` });
    ids.set(n.id, "node");
  });
  file.endings.forEach((e, i) => {
    if (ids.has(e.id)) problems.push({ path: ["endings", i, "id"], message: `duplicate id "${e.id}"` });
    ids.set(e.id, "ending");
  });
  if (ids.get(file.start) !== "node") problems.push({ path: ["start"], message: `start "${file.start}" is not a node` });
  const decisions = new Set(file.nodes.flatMap((n) => n.choices.map((c) => `${n.id}.${c.id}`)));
  file.nodes.forEach((n, ni) => {
    const seen = new Set<string>();
    n.choices.forEach((c, ci) => {
      if (seen.has(c.id)) problems.push({ path: ["nodes", ni, "choices", ci, "id"], message: `duplicate choice id "${c.id}" in node "${n.id}"` });
      seen.add(c.id);
      if (!ids.has(c.to)) problems.push({ path: ["nodes", ni, "choices", ci, "to"], message: `choice "${n.id}.${c.id}" leads to unknown node or ending "${c.to}"` });
      for (const key of ["requires", "excludes"] as const) {
        c[key].forEach((ref, ri) => {
          if (!decisions.has(ref)) problems.push({ path: ["nodes", ni, "choices", ci, key, ri], message: `"${ref}" is not a decision of this scenario` });
        });
      }
    });
  });
  if (!file.endings.some((e) => e.outcome === "protected")) problems.push({ path: ["endings"], message: "at least one ending must be protected (it is what completes the item)" });
  return problems;
}

/** Nodes from which no ending can be reached at all, whatever is chosen: a loop without exit. */
function checkExits(file: ScenarioFile): ScenarioProblem[] {
  const canEnd = new Set(file.endings.map((e) => e.id));
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of file.nodes) {
      if (!canEnd.has(n.id) && n.choices.some((c) => canEnd.has(c.to))) {
        canEnd.add(n.id);
        changed = true;
      }
    }
  }
  return file.nodes.flatMap((n, i) =>
    canEnd.has(n.id) ? [] : [{ path: ["nodes", i, "id"], message: `loop without exit: from node "${n.id}" no ending can be reached` }],
  );
}
