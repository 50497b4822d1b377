/**
 * What a model answers when a request can be refused: the value, or a code from a closed union
 * that the route maps to an HTTP status and a translated message (see `app/utils/refusals.ts`).
 * Models never answer with translation keys, bare strings or exceptions for expected refusals.
 */
export type Result<T extends object, Code extends string> = ({ ok: true } & T) | { ok: false; code: Code };

export function refused<Code extends string>(code: Code): { ok: false; code: Code } {
  return { ok: false, code };
}
