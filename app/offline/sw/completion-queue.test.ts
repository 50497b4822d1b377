import { beforeEach, describe, expect, it, vi } from "vitest";
import { FakeQueue, fakeWorkerScope, lessonForm } from "./fakes.testing";

vi.mock("workbox-background-sync", async () => ({ Queue: (await import("./fakes.testing")).FakeQueue }));
const { queueCompletion, queuedCompletions } = await import("./completion-queue");

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
