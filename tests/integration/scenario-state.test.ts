import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarioSchema } from "../../app/content/scenario-schema";
import { applyScenarioEvent, loadScenarioState, type ScenarioRef } from "../../app/models/scenario.server";
import { toScenario } from "../../app/scenario/compile";
import { makePerson } from "../setup/factories";
import { courseOf, ok } from "../setup/results";
import { openTestDb, type TestDb } from "../setup/test-db";

const t2 = (es: string) => ({ es, en: es });
const choice = (id: string, to: string, score = 0, extra: Record<string, unknown> = {}) => ({ id, text: t2(id), to, feedback: t2(`why ${id}`), score, ...extra });
const ending = (id: string, outcome: string) => ({ id, outcome, title: t2(id), text: t2(id), debrief: t2(id), sources: ["Ley de Migración (México)"] });
const scenario = toScenario(
  "girl-alone",
  scenarioSchema.parse({
    intro: t2("intro"),
    start: "arrival",
    nodes: [
      { id: "arrival", text: t2("a"), choices: [choice("ask-age", "talk", 2), choice("wave-on", "gone", -3)] },
      { id: "talk", text: t2("b"), choices: [choice("notify", "protected", 3), choice("call-uncle", "partly", -1), choice("thank", "protected", 1, { requires: ["arrival.wave-on"] })] },
    ],
    endings: [ending("protected", "protected"), ending("partly", "partial"), ending("gone", "harmful")],
  }),
);
// A second required item keeps the course from completing with the scenario.
const ref: ScenarioRef = { course: courseOf("mini", ["girl-alone", "debrief"]), scenario };

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

async function play(personId: string, choices: string[]) {
  let { version } = ok(await loadScenarioState(t.db, personId, ref));
  const start = await applyScenarioEvent(t.db, personId, ref, { type: "play.start" }, version);
  if (!start.ok) throw new Error("could not start");
  version = start.version;
  for (const choiceId of choices) {
    const step = await applyScenarioEvent(t.db, personId, ref, { type: "play.choose", choiceId }, version);
    if (!step.ok) throw new Error(`could not choose ${choiceId}: ${step.code}`);
    version = step.version;
  }
  return version;
}

async function events(personId: string) {
  const rows = await t.db
    .selectFrom("learning_events")
    .select(["verb", "object_id", "result"])
    .where("actor_id", "=", personId)
    .execute();
  // Events of one transaction share a time: compare them as a sorted list.
  return rows.map((r) => `${r.verb} ${r.object_id}${r.verb === "responded" ? ` ${(r.result as { response: string }).response}` : ""}`).sort();
}

/** The item's completions: the events that carry the time spent on it (a play's "completed" does not). */
async function itemCompletions(personId: string) {
  const rows = await t.db.selectFrom("learning_events").select("result").where("actor_id", "=", personId).where("verb", "=", "completed").where("object_id", "=", "mini/girl-alone").execute();
  return rows.filter((r) => (r.result as { duration?: string }).duration !== undefined);
}

describe(`scenario plays on the server (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("records every decision as a learning event, and a harmful ending does not complete the item", async () => {
    const person = await makePerson(t.db);
    await play(person.id, ["wave-on"]);
    const { state } = ok(await loadScenarioState(t.db, person.id, ref));
    expect(state.current).toBeNull();
    expect(state.finished).toMatchObject([{ number: 1, ending: "gone", outcome: "harmful", score: -3, path: [{ node: "arrival", choice: "wave-on" }] }]);
    expect(await events(person.id)).toEqual(["attempted mini/girl-alone", "completed mini/girl-alone", "responded mini/girl-alone/arrival wave-on"]);
  });

  it("a replay to a protected ending completes the item once, in the same transaction", async () => {
    const person = await makePerson(t.db);
    await play(person.id, ["ask-age", "call-uncle"]);
    await play(person.id, ["ask-age", "notify"]);
    await play(person.id, ["ask-age", "notify"]);
    const { state } = ok(await loadScenarioState(t.db, person.id, ref));
    expect(state.finished.map((p) => [p.number, p.outcome, p.score])).toEqual([
      [1, "partial", 1],
      [2, "protected", 5],
      [3, "protected", 5],
    ]);
    const log = await events(person.id);
    expect(await itemCompletions(person.id)).toHaveLength(1);
    expect(log.filter((e) => e.startsWith("responded"))).toHaveLength(6);
  });

  it("takes a doubled or stale POST once, and refuses a choice not on offer", async () => {
    const person = await makePerson(t.db);
    const start = await applyScenarioEvent(t.db, person.id, ref, { type: "play.start" }, 0);
    expect(start.ok).toBe(true);
    const version = start.version;
    const first = await applyScenarioEvent(t.db, person.id, ref, { type: "play.choose", choiceId: "ask-age" }, version);
    const again = await applyScenarioEvent(t.db, person.id, ref, { type: "play.choose", choiceId: "ask-age" }, version);
    expect(first.ok).toBe(true);
    expect(again).toMatchObject({ ok: false, code: "stale" });
    // "thank" is offered only after waving the person on; here they asked her age.
    const hidden = await applyScenarioEvent(t.db, person.id, ref, { type: "play.choose", choiceId: "thank" }, first.version);
    expect(hidden).toMatchObject({ ok: false, code: "not-offered" });
    const made = await applyScenarioEvent(t.db, person.id, ref, { type: "play.choose", choiceId: "made-up" }, first.version);
    expect(made).toMatchObject({ ok: false, code: "not-offered" });
    expect((await events(person.id)).filter((e) => e.startsWith("responded"))).toEqual(["responded mini/girl-alone/arrival ask-age"]);
  });

  it("two tabs racing on one decision record exactly one of them", async () => {
    const person = await makePerson(t.db);
    const start = await applyScenarioEvent(t.db, person.id, ref, { type: "play.start" }, 0);
    const results = await Promise.all(
      ["ask-age", "wave-on"].map((choiceId) => applyScenarioEvent(t.db, person.id, ref, { type: "play.choose", choiceId }, start.version)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await events(person.id)).filter((e) => e.startsWith("responded"))).toHaveLength(1);
  });

  it("drops a play whose node the content no longer has, keeping finished plays", async () => {
    const person = await makePerson(t.db);
    await play(person.id, ["wave-on"]);
    await applyScenarioEvent(t.db, person.id, ref, { type: "play.start" }, ok(await loadScenarioState(t.db, person.id, ref)).version);
    await t.db.updateTable("scenario_states").set({ state: JSON.stringify({ current: { number: 2, node: "removed-node", path: [] }, finished: ok(await loadScenarioState(t.db, person.id, ref)).state.finished }) }).where("person_id", "=", person.id).execute();
    const { state } = ok(await loadScenarioState(t.db, person.id, ref));
    expect(state.current).toBeNull();
    expect(state.finished).toHaveLength(1);
  });

  it("refuses, without a change, a play saved under other play rules", async () => {
    const person = await makePerson(t.db);
    const start = ok(await applyScenarioEvent(t.db, person.id, ref, { type: "play.start" }, 0));
    await t.db.updateTable("scenario_states").set({ machine_version: 99 }).where("person_id", "=", person.id).execute();
    expect(await loadScenarioState(t.db, person.id, ref)).toEqual({ ok: false, code: "machine-version" });
    expect(await applyScenarioEvent(t.db, person.id, ref, { type: "play.choose", choiceId: "ask-age" }, start.version)).toMatchObject({ ok: false, code: "machine-version" });
    expect((await events(person.id)).filter((e) => e.startsWith("responded"))).toEqual([]);
  });
});
