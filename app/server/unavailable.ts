/** Seconds a client is asked to wait while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 30;

/**
 * What a loader or action throws when the database cannot be reached: Remix renders the calm
 * "not available for a moment" page with status 503 (see the root ErrorBoundary).
 */
export function serviceUnavailable(): Response {
  return new Response("Service Unavailable", {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}
