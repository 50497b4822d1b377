/** One learning event, shaped like an xAPI statement (actor, verb, object, result, context). */
export interface LearningEvent {
  actorId: string;
  verb: string;
  object: { type: string; id: string };
  result?: Record<string, unknown>;
  context?: Record<string, unknown>;
  timestamp?: Date;
}
