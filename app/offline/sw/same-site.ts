declare const self: ServiceWorkerGlobalScope;

/** An address on this site. */
export const sameOrigin = (url: URL) => url.origin === self.location.origin;

/**
 * A request made by a page of this site. A form another site posts here (a forged "done, next",
 * a sign-out) goes to the network untouched, where the server's CSRF check refuses it: the worker
 * must not queue it, wipe the device for it or answer it from the device. Same-origin requests
 * carry their full referrer (Referrer-Policy strict-origin-when-cross-origin); none counts as foreign.
 */
export function fromThisSite(request: Request): boolean {
  try {
    return new URL(request.referrer).origin === self.location.origin;
  } catch {
    return false;
  }
}
