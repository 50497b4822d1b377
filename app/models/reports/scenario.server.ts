import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { Outcome } from "../../content/scenario-schema";
import type { Scenario } from "../../scenario/compile";
import { peopleInScope, type Grant } from "../access.server";

export interface DecisionCount {
  nodeId: string;
  choiceId: string;
  /** Null for people without a country. */
  country: string | null;
  count: number;
}

export interface ScenarioReport {
  decisions: DecisionCount[];
  outcomes: { outcome: Outcome; count: number }[];
}

/**
 * How many decisions people in the coordinator's scope took at each node of a scenario, per
 * choice and country, and how their finished plays ended. Counted from the learning events
 * (`responded` to a scenario node), filtered by scope in SQL.
 */
export async function scenarioReport(db: DB, grants: Grant[], courseId: string, scenario: Scenario, filter: { country: string | null }): Promise<ScenarioReport> {
  const nodeObjects = [...scenario.nodes.keys()].map((id) => `${courseId}/${scenario.id}/${id}`);
  const scoped = db
    .selectFrom("learning_events")
    .innerJoin("people", "people.id", "learning_events.actor_id")
    .where(peopleInScope(grants))
    .$if(filter.country !== null, (q) => q.where("people.country_code", "=", filter.country));
  const decisions = await scoped
    .select([
      "learning_events.object_id as objectId",
      sql<string>`learning_events.result->>'response'`.as("choiceId"),
      "people.country_code as country",
      (eb) => eb.fn.countAll<number>().as("count"),
    ])
    .where("learning_events.verb", "=", "responded")
    .where("learning_events.object_type", "=", "scenario-node")
    .where("learning_events.object_id", "in", nodeObjects)
    .groupBy(["learning_events.object_id", sql`learning_events.result->>'response'`, "people.country_code"])
    .execute();
  const outcomes = await scoped
    .select([sql<Outcome>`learning_events.result->'extensions'->>'outcome'`.as("outcome"), (eb) => eb.fn.countAll<number>().as("count")])
    .where("learning_events.verb", "=", "completed")
    .where("learning_events.object_type", "=", "scenario")
    .where("learning_events.object_id", "=", `${courseId}/${scenario.id}`)
    .where(sql<boolean>`learning_events.context->>'play' is not null`)
    .groupBy(sql`learning_events.result->'extensions'->>'outcome'`)
    .execute();
  const prefix = `${courseId}/${scenario.id}/`;
  return {
    decisions: decisions.map((d) => ({ nodeId: d.objectId.slice(prefix.length), choiceId: d.choiceId, country: d.country, count: Number(d.count) })),
    outcomes: outcomes.map((o) => ({ outcome: o.outcome, count: Number(o.count) })),
  };
}
