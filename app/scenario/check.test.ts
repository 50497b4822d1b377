import { describe, expect, it } from "vitest";
import { scenarioSchema, type ScenarioFile } from "../content/scenario-schema";
import { checkScenario } from "./check";

const t = (text: string) => ({ es: text, en: text });
const choice = (id: string, to: string, extra: Record<string, unknown> = {}) => ({ id, text: t(id), to, feedback: t(`why ${id}`), ...extra });
const ending = (id: string, outcome: string) => ({ id, outcome, title: t(id), text: t(id), debrief: t(id), sources: ["Protocolo de Palermo (2000)"] });

/** A small valid case: ask (or not) then refer (or not); the excluded shortcut makes it conditional. */
function scenario(overrides: Partial<Record<keyof ScenarioFile, unknown>> = {}): ScenarioFile {
  return scenarioSchema.parse({
    intro: t("intro"),
    start: "arrival",
    max_steps: 5,
    nodes: [
      { id: "arrival", text: t("a"), choices: [choice("ask", "talk"), choice("wave-on", "gone")] },
      { id: "talk", text: t("b"), choices: [choice("refer", "protected"), choice("detain", "harmed"), choice("half", "partly", { requires: ["arrival.ask"] })] },
    ],
    endings: [ending("protected", "protected"), ending("partly", "partial"), ending("harmed", "harmful"), ending("gone", "harmful")],
    ...overrides,
  });
}

describe("checkScenario", () => {
  it("passes a sound scenario and counts its distinct plays", () => {
    expect(checkScenario(scenario())).toEqual({ problems: [], plays: 4 });
  });

  it("reports a node nobody can reach", () => {
    const file = scenario({
      nodes: [...scenario().nodes, { id: "island", text: t("x"), choices: [choice("leave", "protected")] }],
    });
    expect(checkScenario(file).problems.map((p) => p.message)).toEqual(['node "island" can never be reached from "arrival"']);
  });

  it("reports an ending nobody can reach", () => {
    const file = scenario({ endings: [...scenario().endings, ending("never", "partial")] });
    expect(checkScenario(file).problems.map((p) => p.message)).toEqual(['ending "never" can never be reached from "arrival"']);
  });

  it("reports a dead end where conditions hide every choice", () => {
    const file = scenario({
      nodes: [
        { id: "arrival", text: t("a"), choices: [choice("ask", "talk"), choice("wave-on", "talk")] },
        { id: "talk", text: t("b"), choices: [choice("refer", "protected", { requires: ["arrival.ask"] }), choice("detain", "harmed", { excludes: ["arrival.wave-on"] })] },
      ],
      endings: [ending("protected", "protected"), ending("harmed", "harmful")],
    });
    const { problems } = checkScenario(file);
    expect(problems.map((p) => p.message)).toEqual(['dead end: after arrival.wave-on, node "talk" offers no choice (requires/excludes hide them all)']);
    expect(problems[0]?.path).toEqual(["nodes", 1, "choices"]);
  });

  it("reports a loop without exit", () => {
    const file = scenario({
      nodes: [
        { id: "arrival", text: t("a"), choices: [choice("ask", "talk"), choice("refer", "protected")] },
        { id: "talk", text: t("b"), choices: [choice("more", "again")] },
        { id: "again", text: t("c"), choices: [choice("back", "talk")] },
      ],
      endings: [ending("protected", "protected")],
    });
    expect(checkScenario(file).problems.map((p) => p.message)).toEqual([
      'loop without exit: from node "talk" no ending can be reached',
      'loop without exit: from node "again" no ending can be reached',
    ]);
  });

  it("reports a loop that has an exit but lets a play go round past max_steps", () => {
    const file = scenario({
      nodes: [
        { id: "arrival", text: t("a"), choices: [choice("ask", "talk"), choice("refer", "protected")] },
        { id: "talk", text: t("b"), choices: [choice("again", "arrival"), choice("refer", "protected")] },
      ],
      endings: [ending("protected", "protected")],
    });
    expect(checkScenario(file).problems.map((p) => p.message)).toEqual([
      "a play can take more than max_steps (5) decisions without an ending (a loop?): arrival.ask → talk.again → arrival.ask → talk.again → arrival.ask",
    ]);
  });

  it("accepts a loop that conditions close after one round", () => {
    const file = scenario({
      nodes: [
        { id: "arrival", text: t("a"), choices: [choice("ask", "talk"), choice("refer", "protected")] },
        { id: "talk", text: t("b"), choices: [choice("again", "arrival", { excludes: ["talk.again"] }), choice("refer", "protected")] },
      ],
      endings: [ending("protected", "protected")],
    });
    expect(checkScenario(file)).toEqual({ problems: [], plays: 4 });
  });

  it("reports unknown targets, unknown earlier decisions and a missing protected ending", () => {
    const file = scenario({
      nodes: [{ id: "arrival", text: t("a"), choices: [choice("ask", "nowhere"), choice("x", "harmed", { requires: ["arrival.nope"] })] }],
      endings: [ending("harmed", "harmful")],
    });
    expect(checkScenario(file).problems.map((p) => p.message)).toEqual([
      'choice "arrival.ask" leads to unknown node or ending "nowhere"',
      '"arrival.nope" is not a decision of this scenario',
      "at least one ending must be protected (it is what completes the item)",
    ]);
  });
});
