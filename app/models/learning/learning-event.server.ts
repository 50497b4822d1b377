import type { Trx } from "../../../db/client";
import type { LearningEvent } from "../../learning/event";

export type { LearningEvent };

/** Appends events to the log, in the transaction of the change they record (see learning/record.server.ts). */
export async function appendLearningEvents(trx: Trx, events: LearningEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
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
