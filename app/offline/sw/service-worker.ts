// Sendero's service worker, bundled by scripts/build-sw.js into public/sw.js (Workbox injects
// the precache list there). It keeps the site readable at a border post with no connection:
// - the shell of every page (entry, root, shared chunks, styles) and the two offline pages are
//   precached;
// - a page is always asked of the network first; only when that fails (or is too slow) does a
//   course the person saved answer from the device (app/offline/saved-course.client.ts saves it);
// - "done, next" on a saved lesson is queued while offline and sent later (./completion-queue.ts);
// - any other form stays on its page with a "not sent" message;
// - signing out empties every cache of the person's pages and the queue.
// It handles only these paths; every other request goes to the network as if it were not there.
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { CacheFirst, NetworkFirst, NetworkOnly } from "workbox-strategies";
import { ExpirationPlugin } from "workbox-expiration";
import type { PrecacheEntry } from "workbox-precaching";
import { ASSETS_CACHE, NEEDS_CONNECTION_PAGE, OFFLINE_PAGE, PAGES_CACHE, PERSONAL_CACHES, type FromWorker, type ToWorker } from "../protocol";
import { broadcast } from "./broadcast";
import { clearQueue, queuedCompletions, queueCompletion, replayQueue } from "./completion-queue";
import { needsConnection } from "./saved-courses";
import { fromThisSite, sameOrigin as SAME_ORIGIN } from "./same-site";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

self.addEventListener("install", () => void self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

/** Saved copies are written only by the save (with the offline token), never by browsing. */
const neverStore = { cacheWillUpdate: async () => null };
const savedCopy = { ignoreSearch: true, ignoreVary: true };
/** Past this, a saved copy answers instead of a network that has not (a weak link). */
const NETWORK_TIMEOUT_SECONDS = 6;

// Pages: the network, else the saved copy, else one of the offline pages (setCatchHandler).
registerRoute(
  ({ request, url }) => request.mode === "navigate" && SAME_ORIGIN(url),
  new NetworkFirst({ cacheName: PAGES_CACHE, networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, matchOptions: savedCopy, plugins: [neverStore] }),
);

// Remix's data requests on a client-side navigation: offline, the browser loads the page as a
// document instead, which the route above answers from the device.
registerRoute(
  ({ request, url }) => request.method === "GET" && SAME_ORIGIN(url) && url.searchParams.has("_data") && request.mode !== "navigate",
  new NetworkOnly({
    plugins: [
      {
        handlerDidError: async ({ request }) => {
          const page = new URL(request.url);
          page.searchParams.delete("_data");
          return new Response(null, { status: 204, headers: { "X-Remix-Redirect": page.pathname + page.search, "X-Remix-Status": "302", "X-Remix-Reload-Document": "true" } });
        },
      },
    ],
  }),
);

registerRoute(
  ({ url }) => SAME_ORIGIN(url) && url.pathname.startsWith("/build/"),
  new CacheFirst({ cacheName: ASSETS_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 400 })] }),
);
registerRoute(({ url }) => SAME_ORIGIN(url) && url.pathname.startsWith("/course-images/"), new CacheFirst({ cacheName: PAGES_CACHE, matchOptions: savedCopy, plugins: [neverStore] }));

// A step on a course item (a lesson's "done, next", a quiz answer, …).
registerRoute(
  ({ request, url }) => request.method === "POST" && SAME_ORIGIN(url) && fromThisSite(request) && /^\/learn\/[^/]+\/[^/]+$/.test(url.pathname),
  async ({ request }) => {
    const kept = request.clone();
    const navigation = isNavigation(request);
    try {
      return await fetch(request);
    } catch {
      return (await queueCompletion(kept)) ?? (navigation ? needsConnection503() : notSent(kept));
    }
  },
  "POST",
);

// Signing out on a shared computer: nothing of the person stays on the device.
registerRoute(
  ({ request, url }) => request.method === "POST" && SAME_ORIGIN(url) && fromThisSite(request) && url.pathname === "/logout",
  async ({ request }) => {
    await forgetPerson();
    return fetch(request);
  },
  "POST",
);

setCatchHandler(async ({ request, url }) => {
  if (request.mode !== "navigate") return Response.error();
  const page = (await needsConnection(url.pathname)) ? NEEDS_CONNECTION_PAGE : OFFLINE_PAGE;
  return (await matchPrecache(page)) ?? Response.error();
});

/** A document load (a form posted by a page without scripts, in low-data mode), not Remix's fetch. */
function isNavigation(request: Request): boolean {
  if (request.mode === "navigate") return true;
  return !new URL(request.url).searchParams.has("_data") && (request.headers.get("Accept") ?? "").includes("text/html");
}

/** The saved page that says the form needs a connection and that going back keeps what was typed. */
async function needsConnection503(): Promise<Response> {
  const page = await matchPrecache(NEEDS_CONNECTION_PAGE);
  return page ? new Response(page.body, { status: 503, headers: page.headers }) : Response.error();
}

/** A form that cannot be queued, sent by Remix: the item page shows the refusal and keeps what was typed. */
async function notSent(request: Request): Promise<Response> {
  await broadcast({ type: "not-sent" });
  const values = Object.fromEntries([...new URLSearchParams(await request.text())].filter(([name]) => !name.startsWith("_")));
  return new Response(JSON.stringify({ error: "activity.offlineNotSent", values, notSent: true }), { status: 503, headers: { "Content-Type": "application/json; charset=utf-8" } });
}

async function forgetPerson(): Promise<void> {
  await Promise.all(PERSONAL_CACHES.map((name) => caches.delete(name)));
  await clearQueue();
}

self.addEventListener("message", (event) => {
  const message = event.data as ToWorker;
  // A question comes with a port for its answer (app/offline/worker.client.ts).
  const reply = (answer: FromWorker) => event.ports[0]?.postMessage(answer);
  if (message?.type === "queue") event.waitUntil(queuedCompletions().then((queued) => reply({ type: "queue", queued })));
  if (message?.type === "replay") event.waitUntil(replayQueue(message.csrf).then((result) => broadcast({ type: "replayed", ...result })));
  if (message?.type === "clear") event.waitUntil(forgetPerson());
});
