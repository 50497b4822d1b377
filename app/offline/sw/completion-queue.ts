// Lessons marked done while offline. The form's request is kept in IndexedDB by Workbox's
// background-sync Queue, with the time it was marked done, and sent again when the browser
// says the connection is back (Background Sync), when the worker starts where there is no such
// event, and whenever a page asks (each visit, and the page's "online" event). The server takes
// each one once, with that time, thanks to the form's one-time offline token.
import { Queue } from "workbox-background-sync";
import { DELIVERED_KEY, PAGES_CACHE, REFUSED_KEY, type QueuedCompletion } from "../protocol";
import { broadcast } from "./broadcast";
import { fromThisSite } from "./same-site";
import { serverAnswer } from "./server-answer";

const queue = new Queue("sendero-completions", {
  // Kept for 30 days (in minutes), as long as the offline token is good.
  maxRetentionTime: 30 * 24 * 60,
  onSync: async () => {
    const result = await replayQueue();
    await broadcast({ type: "replayed", ...result });
    // The browser tries again later when something is still waiting.
    if (result.waiting) throw new Error("completions still waiting for the connection");
  },
});

/** Only a saved lesson's form, sent from this site, is queued; its `offlineNext` says where the officer goes next. */
export async function queueCompletion(request: Request): Promise<Response | null> {
  if (!fromThisSite(request)) return null;
  const form = new URLSearchParams(await request.clone().text());
  const next = form.get("offlineNext") ?? "";
  if (!form.get("offlineToken") || !next.startsWith("/learn/")) return null;
  form.set("completedAt", new Date().toISOString());
  const queued = new Request(request.url, { method: "POST", headers: request.headers, body: form.toString(), credentials: "same-origin" });
  await queue.pushRequest({ request: queued });
  // The answer a Remix form expects for a redirect; a plain form gets a plain redirect.
  if (new URL(request.url).searchParams.has("_data")) return new Response(null, { status: 204, headers: { "X-Remix-Redirect": next, "X-Remix-Status": "303" } });
  return Response.redirect(new URL(next, request.url).href, 303);
}

export async function queuedCompletions(): Promise<QueuedCompletion[]> {
  return (await queue.getAll()).map((entry) => ({ url: new URL(entry.request.url).pathname, at: entry.timestamp ?? Date.now() }));
}

export async function clearQueue(): Promise<void> {
  while (await queue.shiftRequest());
  const cache = await caches.open(PAGES_CACHE);
  await cache.delete(REFUSED_KEY);
  await cache.delete(DELIVERED_KEY);
}

let replaying: Promise<ReplayResult> | null = null;
export interface ReplayResult {
  delivered: number;
  refused: string[];
  /** Still queued: no connection, the server failed, or the person must sign in again. */
  waiting: number;
}

/** Sends what is queued, oldest first (a lesson may open only once the one before is done); one replay at a time, whoever asks. */
export function replayQueue(csrf?: string): Promise<ReplayResult> {
  replaying ??= replay(csrf).finally(() => (replaying = null));
  return replaying;
}

/** The queued form with the page's current CSRF token, when a page gave one. */
async function withToken(request: Request, csrf: string | undefined): Promise<Request> {
  if (!csrf) return request.clone();
  const form = new URLSearchParams(await request.clone().text());
  form.set("_csrf", csrf);
  return new Request(request.url, { method: "POST", headers: request.headers, body: form.toString(), credentials: "same-origin" });
}

/** Answers from a failing server that one form may get before it is given up as refused (shown, dropped). */
export const MAX_FAILED_ANSWERS = 5;

type Entry = Awaited<ReturnType<Queue["getAll"]>>[number];

async function replay(csrf?: string): Promise<ReplayResult> {
  let delivered = 0;
  const refused: string[] = [];
  for (let entry = await first(); entry; entry = await first()) {
    // The form stays queued while it is sent: a worker stopped mid-send (a weak link, the browser
    // ending the sync event) sends it again later, which the one-time token makes harmless.
    let response: Response;
    try {
      response = await fetch(await withToken(entry.request, csrf));
    } catch {
      break;
    }
    const answer = serverAnswer(response);
    if (answer === "wait") break;
    if (!(await takeFirst(entry))) break;
    if (answer === "failed") {
      // Back at the front with its count (the server is likely down for all of them); past the limit it is refused.
      const failed = ((entry.metadata as { failed?: number } | undefined)?.failed ?? 0) + 1;
      if (failed < MAX_FAILED_ANSWERS) {
        await queue.unshiftRequest({ ...entry, metadata: { ...entry.metadata, failed } });
        break;
      }
    }
    if (answer === "delivered") delivered += 1;
    else refused.push(new URL(entry.request.url).pathname);
  }
  if (refused.length) await rememberRefused(refused);
  if (delivered) await rememberDelivered(delivered);
  return { delivered, refused, waiting: (await queue.getAll()).length };
}

const first = async (): Promise<Entry | undefined> => (await queue.getAll())[0];

/** Removes the queue's first form if it is still `entry` (the queue may have been cleared by a sign-out meanwhile). */
async function takeFirst(entry: Entry): Promise<boolean> {
  const taken = await queue.shiftRequest();
  if (taken && taken.timestamp === entry.timestamp && taken.request.url === entry.request.url) return true;
  if (taken) await queue.unshiftRequest(taken);
  return false;
}

/** Kept until a page shows them (app/offline/offline-status.tsx), so none goes unsaid. */
async function rememberRefused(paths: string[]): Promise<void> {
  const cache = await caches.open(PAGES_CACHE);
  const before = ((await (await cache.match(REFUSED_KEY))?.json()) ?? []) as string[];
  await cache.put(REFUSED_KEY, new Response(JSON.stringify([...new Set([...before, ...paths])]), { headers: { "Content-Type": "application/json" } }));
}

async function rememberDelivered(count: number): Promise<void> {
  const cache = await caches.open(PAGES_CACHE);
  const before = Number((await (await cache.match(DELIVERED_KEY))?.text()) ?? 0);
  await cache.put(DELIVERED_KEY, new Response(String(before + count)));
}
