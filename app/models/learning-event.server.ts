import type { DB } from "../../db/client";

/** One learning event, shaped like an xAPI statement (actor, verb, object, result, context). */
export interface LearningEvent {
  actorId: string;
  verb: string;
  object: { type: string; id: string };
  result?: Record<string, unknown>;
  context?: Record<string, unknown>;
  timestamp?: Date;
}

/** Appends events to the log; later features call this inside the transaction of their change. */
export async function appendLearningEvents(db: DB, events: LearningEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto("learning_events")
    .values(
      events.map((e) => ({
        actor_id: e.actorId,
        verb: e.verb,
        object_type: e.object.type,
        object_id: e.object.id,
        result: e.result ? JSON.stringify(e.result) : null,
        context: e.context ? JSON.stringify(e.context) : null,
        ...(e.timestamp ? { timestamp: e.timestamp } : {}),
      })),
    )
    .execute();
}
