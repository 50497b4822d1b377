// Stand-ins for what a service worker has and Node has not, for the worker's unit tests: its
// global scope, Cache Storage (in memory) and Workbox's background-sync Queue (in memory, same
// methods and order as the IndexedDB one).
import { vi } from "vitest";

export const ORIGIN = "https://sendero.test";

interface Entry {
  request: Request;
  timestamp?: number;
  metadata?: Record<string, unknown>;
}

export class FakeQueue {
  static last: FakeQueue | null = null;
  entries: Entry[] = [];
  constructor(
    readonly name: string,
    readonly options: { onSync?: () => Promise<void> } = {},
  ) {
    FakeQueue.last = this;
  }
  private copy = (entry: Entry): Entry => ({ ...entry, request: entry.request.clone() });
  async pushRequest(entry: Entry) {
    this.entries.push(this.copy({ timestamp: Date.now(), ...entry }));
  }
  async unshiftRequest(entry: Entry) {
    this.entries.unshift(this.copy({ timestamp: Date.now(), ...entry }));
  }
  async shiftRequest() {
    const entry = this.entries.shift();
    return entry && this.copy(entry);
  }
  async popRequest() {
    const entry = this.entries.pop();
    return entry && this.copy(entry);
  }
  async getAll() {
    return this.entries.map(this.copy);
  }
  async size() {
    return this.entries.length;
  }
}

class FakeCache {
  readonly stored = new Map<string, Response>();
  private key = (request: RequestInfo | URL) => new URL(typeof request === "string" || request instanceof URL ? request : request.url, ORIGIN).href;
  async match(request: RequestInfo | URL) {
    return this.stored.get(this.key(request))?.clone();
  }
  async put(request: RequestInfo | URL, response: Response) {
    this.stored.set(this.key(request), response.clone());
  }
  async delete(request: RequestInfo | URL) {
    return this.stored.delete(this.key(request));
  }
  async keys() {
    return [...this.stored.keys()].map((url) => new Request(url));
  }
}

/** A fresh worker scope: `self` (with the pages it broadcasts to), `caches` and `fetch`. */
export function fakeWorkerScope(fetch: (request: Request) => Promise<Response>) {
  const named = new Map<string, FakeCache>();
  const messages: unknown[] = [];
  const caches = {
    open: async (name: string) => named.get(name) ?? named.set(name, new FakeCache()).get(name)!,
    delete: async (name: string) => named.delete(name),
    keys: async () => [...named.keys()],
  };
  vi.stubGlobal("self", { location: new URL(`${ORIGIN}/sw.js`), clients: { matchAll: async () => [{ postMessage: (m: unknown) => messages.push(m) }] } });
  vi.stubGlobal("caches", caches);
  const fetched = vi.fn(fetch);
  // A fetched response knows its address (a constructed one has none).
  vi.stubGlobal("fetch", async (request: Request) => {
    const response = await fetched(request);
    return response.url ? response : Object.defineProperty(response, "url", { value: request.url });
  });
  return { caches, messages, fetched };
}

/** A lesson's "done, next" form as a page of `from` posts it. */
export function lessonForm(lesson: string, { from = ORIGIN, token = `tok-${lesson}`, csrf = "old-csrf" } = {}) {
  const body = new URLSearchParams({ _csrf: csrf, intent: "complete", offlineToken: token, offlineNext: "/learn/course/next" });
  return new Request(`${ORIGIN}/learn/course/${lesson}`, {
    method: "POST",
    body: body.toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    referrer: from ? `${from}/learn/course/${lesson}` : "",
  });
}
