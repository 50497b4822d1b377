import type { AppLoadContext } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import type { Catalog } from "../../app/content/model";
import { scenarioSchema } from "../../app/content/scenario-schema";
import { applyScenarioEvent, loadScenarioState, type ScenarioRef } from "../../app/models/scenario.server";
import { toScenario } from "../../app/scenario/compile";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makePerson } from "../setup/factories";
import { courseOf, ok } from "../setup/results";
import { openTestDb, type TestDb } from "../setup/test-db";

// The decision report counts, per node and choice, the decisions of the people a coordinator
// may see. Checked against a direct SQL count over a seeded set of plays.
const t2 = (es: string) => ({ es, en: es });
const choice = (id: string, to: string, score = 0) => ({ id, text: t2(`opción ${id}`), to, feedback: t2(`why ${id}`), score });
const ending = (id: string, outcome: string) => ({ id, outcome, title: t2(id), text: t2(id), debrief: t2(id), sources: ["Ley de Migración (México)"] });
const scenario = toScenario(
  "girl-alone",
  scenarioSchema.parse({
    intro: t2("intro"),
    start: "arrival",
    nodes: [
      { id: "arrival", text: t2("a"), choices: [choice("ask-age", "talk", 2), choice("wave-on", "gone", -3)] },
      { id: "talk", text: t2("b"), choices: [choice("notify", "protected", 3), choice("call-uncle", "partly", -1)] },
    ],
    endings: [ending("protected", "protected"), ending("partly", "partial"), ending("gone", "harmful")],
  }),
);
const COURSE = "mini-course";
const ref: ScenarioRef = { course: courseOf(COURSE, [scenario.id]), scenario };

// Plays per person: [country, decisions...]. Two countries in scope, one outside.
const PLAYS: [string, string[]][] = [
  ["GT", ["ask-age", "notify"]],
  ["GT", ["ask-age", "call-uncle"]],
  ["GT", ["wave-on"]],
  ["SV", ["ask-age", "notify"]],
  ["SV", ["wave-on"]],
  ["MX", ["ask-age", "call-uncle"]],
  ["MX", ["ask-age", "call-uncle"]],
];

let t: TestDb;
let content: Catalog;
let coordinator = "";
beforeAll(async () => {
  t = await openTestDb();
  const base = loadContent("content/courses").catalog.courses.get("trafficking-smuggling")!;
  content = { courses: new Map([[COURSE, { ...base, id: COURSE, scenarios: new Map([[scenario.id, scenario]]) }]]) };
  for (const [country, decisions] of PLAYS) {
    const person = await makePerson(t.db, { countryCode: country });
    let { version } = ok(await loadScenarioState(t.db, person.id, ref));
    for (const event of [{ type: "play.start" as const }, ...decisions.map((choiceId) => ({ type: "play.choose" as const, choiceId }))]) {
      const step = await applyScenarioEvent(t.db, person.id, ref, event, version);
      if (!step.ok) throw new Error(step.code);
      version = step.version;
    }
  }
  coordinator = (await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "GT" } })).id;
  await t.db.insertInto("role_grants").values({ person_id: coordinator, role: "coordinator", scope_kind: "country", country_code: "SV" }).execute();
});
afterAll(async () => t.close());

const context = (): AppLoadContext => testContext(t.db, { content });

async function report(query = "") {
  const { loader } = await import("../../app/routes/coordinate.scenarios.$courseId.$itemId");
  const request = await signedInRequest(t.db, coordinator, `/coordinate/scenarios/${COURSE}/girl-alone${query}`);
  return outcome(async () => loader({ request, context: context(), params: { courseId: COURSE, itemId: "girl-alone" } }));
}

async function sqlCount(node: string, choiceId: string, countries: string[]) {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from learning_events e join people p on p.id = e.actor_id
    where e.verb = 'responded' and e.object_id = ${`${COURSE}/girl-alone/${node}`}
      and e.result->>'response' = ${choiceId} and p.country_code in (${sql.join(countries)})`.execute(t.db);
  return row.rows[0]!.n;
}

describe(`scenario decision report (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("shows, per node and choice, the same counts as SQL over the people in scope only", async () => {
    const response = await report();
    expect(response.status).toBe(200);
    const data = (await response.json()) as { countries: string[]; nodes: { id: string; choices: { id: string; total: number; byCountry: Record<string, number> }[] }[]; outcomes: { outcome: string; count: number }[] };
    expect(data.countries).toEqual(["GT", "SV"]);
    for (const node of data.nodes) {
      for (const c of node.choices) {
        expect(c.total, `${node.id}.${c.id}`).toBe(await sqlCount(node.id, c.id, ["GT", "SV"]));
        for (const country of ["GT", "SV"]) expect(c.byCountry[country], `${node.id}.${c.id} ${country}`).toBe(await sqlCount(node.id, c.id, [country]));
      }
    }
    const talk = data.nodes.find((n) => n.id === "talk")!;
    expect(talk.choices.map((c) => [c.id, c.total])).toEqual([
      ["notify", 2],
      ["call-uncle", 1],
    ]);
    expect(data.outcomes).toEqual([
      { outcome: "protected", count: 2 },
      { outcome: "partial", count: 1 },
      { outcome: "harmful", count: 2 },
    ]);
  });

  it("filters by a country in scope, and answers 404 for one outside it (never its rows)", async () => {
    const gt = (await (await report("?country=GT")).json()) as { nodes: { choices: { total: number }[] }[] };
    expect(gt.nodes[0]!.choices.map((c) => c.total)).toEqual([2, 1]);
    expect((await report("?country=MX")).status).toBe(404);
  });
});
