import { beforeEach, describe, expect, it, vi } from "vitest";
import { FakeQueue, fakeWorkerScope, lessonForm } from "./fakes.testing";

vi.mock("workbox-background-sync", async () => ({ Queue: (await import("./fakes.testing")).FakeQueue }));
const { MAX_FAILED_ANSWERS, queueCompletion, queuedCompletions, replayQueue } = await import("./completion-queue");

let scope: ReturnType<typeof fakeWorkerScope>;
beforeEach(() => {
  FakeQueue.last!.entries = [];
  scope = fakeWorkerScope(async () => new Response("ok"));
});

describe("queueing a lesson marked done offline", () => {
  it("keeps a saved lesson's form sent from this site, with the time, and sends the officer on", async () => {
    const answer = await queueCompletion(lessonForm("one"));
    expect(answer?.status).toBe(303);
    expect(answer?.headers.get("Location")).toBe("https://sendero.test/learn/course/next");
    const [entry] = await FakeQueue.last!.getAll();
    expect(new URLSearchParams(await entry!.request.text()).get("completedAt")).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await queuedCompletions()).map((q) => q.url)).toEqual(["/learn/course/one"]);
  });

  it("leaves alone a form another site posted here, or one with no referrer (it goes to the network as it is)", async () => {
    expect(await queueCompletion(lessonForm("one", { from: "https://evil.example" }))).toBeNull();
    expect(await queueCompletion(lessonForm("two", { from: "" }))).toBeNull();
    expect(FakeQueue.last!.entries).toEqual([]);
    expect(scope.fetched).not.toHaveBeenCalled();
  });
});

describe("sending the queue again", () => {
  const queueLessons = async (...lessons: string[]) => {
    for (const lesson of lessons) await queueCompletion(lessonForm(lesson));
  };
  const sent = () => scope.fetched.mock.calls.map(([request]) => new URL(request.url).pathname.split("/").pop());
  const waiting = () => FakeQueue.last!.entries.map((e) => new URL(e.request.url).pathname.split("/").pop());
  const answer = (status: number, headers: Record<string, string> = {}) => new Response(status === 204 ? null : "x", { status, headers });

  it("keeps a form in the queue while it is sent (a worker stopped mid-send loses nothing)", async () => {
    await queueLessons("one");
    let duringSend: string[] = [];
    scope.fetched.mockImplementation(async () => {
      duringSend = waiting() as string[];
      return answer(204, { "X-Remix-Redirect": "/learn/course/next" });
    });
    expect(await replayQueue("fresh")).toEqual({ delivered: 1, refused: [], waiting: 0 });
    expect(duringSend).toEqual(["one"]);
  });

  it("stops without losing anything when there is still no connection", async () => {
    await queueLessons("one", "two");
    scope.fetched.mockRejectedValue(new TypeError("Failed to fetch"));
    expect(await replayQueue()).toEqual({ delivered: 0, refused: [], waiting: 2 });
    expect(waiting()).toEqual(["one", "two"]);
  });

  it("drops a form the server refuses for want of a right (a 403 that is not CSRF), says so, and sends the rest", async () => {
    await queueLessons("one", "two");
    scope.fetched.mockImplementation(async (request) => (request.url.endsWith("/one") ? answer(403) : answer(204, { "X-Remix-Redirect": "/learn/course/next" })));
    expect(await replayQueue("fresh")).toEqual({ delivered: 1, refused: ["/learn/course/one"], waiting: 0 });
    expect(sent()).toEqual(["one", "two"]);
  });

  it("keeps every form on a stale CSRF proof, and sends them with the page's fresh one", async () => {
    await queueLessons("one", "two");
    scope.fetched.mockResolvedValue(answer(403, { "Sendero-Csrf-Refused": "1" }));
    expect(await replayQueue()).toEqual({ delivered: 0, refused: [], waiting: 2 });
    scope.fetched.mockReset();
    scope.fetched.mockImplementation(async (request) => {
      const form = new URLSearchParams(await request.text());
      return form.get("_csrf") === "fresh" ? answer(204, { "X-Remix-Redirect": "/learn/course/next" }) : answer(403, { "Sendero-Csrf-Refused": "1" });
    });
    expect(await replayQueue("fresh")).toEqual({ delivered: 2, refused: [], waiting: 0 });
  });

  it("keeps every form when the session ended (sent to sign in)", async () => {
    await queueLessons("one");
    scope.fetched.mockResolvedValue(answer(204, { "X-Remix-Redirect": "/login?redirectTo=%2Flearn" }));
    expect(await replayQueue("fresh")).toEqual({ delivered: 0, refused: [], waiting: 1 });
  });

  it("tries a form the server fails on a few times, then gives it up as refused so the rest can go", async () => {
    await queueLessons("one", "two");
    scope.fetched.mockImplementation(async (request) => (request.url.endsWith("/one") ? answer(500) : answer(204, { "X-Remix-Redirect": "/learn/course/next" })));
    for (let i = 1; i < MAX_FAILED_ANSWERS; i++) expect(await replayQueue("fresh")).toEqual({ delivered: 0, refused: [], waiting: 2 });
    expect(waiting()).toEqual(["one", "two"]);
    expect(await replayQueue("fresh")).toEqual({ delivered: 1, refused: ["/learn/course/one"], waiting: 0 });
  });
});
