import { CSRF_REFUSED_HEADER } from "../../utils/csrf-refused";

/**
 * What the server's answer to a replayed "done, next" means for it:
 * - `delivered`: recorded (or already recorded: the one-time token makes a second send harmless);
 * - `wait`: signed out meanwhile (sent to /login), or the form's CSRF proof is stale (the cookie
 *   ends with the browser). No queued form can pass until a signed-in page gives a fresh proof,
 *   so the whole queue waits; it is not this form's fault and is not counted against it;
 * - `failed`: the server failed (or asked to slow down); tried again later, a few times;
 * - `refused`: the server will not take it (no right to the course, the lesson locked or gone,
 *   another person's token). Shown to the person and dropped, so it cannot hold the rest back.
 */
export type ServerAnswer = "delivered" | "wait" | "failed" | "refused";

export function serverAnswer(response: Response): ServerAnswer {
  const goesTo = response.headers.get("X-Remix-Redirect") ?? (response.url ? new URL(response.url).pathname : "");
  if (goesTo.startsWith("/login") || response.headers.get(CSRF_REFUSED_HEADER) === "1") return "wait";
  if (response.status >= 500 || response.status === 408 || response.status === 429) return "failed";
  return response.ok ? "delivered" : "refused";
}
