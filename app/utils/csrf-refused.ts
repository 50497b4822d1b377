/**
 * Set on the 403 of a failed CSRF check (app/server/csrf.ts), so that a device replaying a queued
 * form tells "the form's proof is stale, send it again with a fresh one" from "this person may not
 * do this" (app/offline/sw/completion-queue.ts). The page a browser shows is the same for both.
 */
export const CSRF_REFUSED_HEADER = "Sendero-Csrf-Refused";
