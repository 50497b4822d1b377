import { describe, expect, it } from "vitest";
import { initialTransition, transition, type SnapshotFrom } from "xstate";
import { courseProgressMachine, itemStatus, summarize, type ProgressCourse, type ProgressEvent } from "./course-progress";

// Two modules; the second opens when the first is done. "b" needs "a"; "extra" is optional.
const course: ProgressCourse = {
  modules: [
    { id: "m1", requires: [] },
    { id: "m2", requires: ["m1"] },
  ],
  items: [
    { id: "a", moduleId: "m1", requires: [], optional: false, minutes: 10 },
    { id: "b", moduleId: "m1", requires: ["a"], optional: false, minutes: 5 },
    { id: "extra", moduleId: "m1", requires: [], optional: true, minutes: 7 },
    { id: "c", moduleId: "m2", requires: [], optional: false, minutes: 20 },
  ],
};

type Snapshot = SnapshotFrom<typeof courseProgressMachine>;

function play(...events: ProgressEvent[]): Snapshot {
  let [snapshot] = initialTransition(courseProgressMachine, { course });
  for (const event of events) [snapshot] = transition(courseProgressMachine, snapshot, event);
  return snapshot;
}
const view = (itemId: string): ProgressEvent => ({ type: "item.viewed", itemId });
const complete = (itemId: string): ProgressEvent => ({ type: "item.completed", itemId });

describe("course progress", () => {
  it("starts with only the first items open and says why the others are locked", () => {
    const s = play();
    expect(s.value).toBe("notStarted");
    expect(itemStatus(s.context, "a")).toEqual({ state: "available", reasons: [] });
    expect(itemStatus(s.context, "b")).toEqual({ state: "locked", reasons: [{ kind: "item", itemId: "a" }] });
    expect(itemStatus(s.context, "c")).toEqual({ state: "locked", reasons: [{ kind: "module", moduleId: "m1" }] });
    expect(summarize(s.context)).toMatchObject({ status: "not-started", percent: 0, minutesLeft: 35, nextItemId: "a" });
  });

  it("marks a viewed item as in progress and continues there", () => {
    const s = play(view("a"));
    expect(s.value).toBe("inProgress");
    expect(itemStatus(s.context, "a").state).toBe("in-progress");
    expect(summarize(s.context).nextItemId).toBe("a");
  });

  it("opens the next item when its prerequisite is done", () => {
    const s = play(view("a"), complete("a"));
    expect(itemStatus(s.context, "b").state).toBe("available");
    expect(summarize(s.context)).toMatchObject({ requiredDone: 1, requiredTotal: 3, percent: 33, minutesLeft: 25, nextItemId: "b" });
  });

  it("ignores a completion of a locked item", () => {
    const s = play(complete("c"));
    expect(s.context.completed).toEqual([]);
    expect(s.value).toBe("notStarted");
  });

  it("counts a completion once however often it is sent", () => {
    const s = play(complete("a"), complete("a"), complete("a"));
    expect(s.context.completed).toEqual(["a"]);
  });

  it("opens the next module when the required items of the first are done, optional ones aside", () => {
    const s = play(complete("a"), complete("b"));
    expect(itemStatus(s.context, "c").state).toBe("available");
    expect(itemStatus(s.context, "extra").state).toBe("available");
    expect(summarize(s.context).nextItemId).toBe("c");
  });

  it("is complete when every required item is done, and still lets optional items be finished", () => {
    const s = play(complete("a"), complete("b"), complete("c"));
    expect(s.value).toBe("completed");
    expect(summarize(s.context)).toMatchObject({ status: "completed", percent: 100, minutesLeft: 0, remaining: [] });
    const after = transition(courseProgressMachine, s, complete("extra"))[0];
    expect(after.context.completed).toContain("extra");
    expect(after.value).toBe("completed");
  });
});

describe("restoring stored progress", () => {
  it("resumes in progress, or completed, from the facts given back", () => {
    const begun = initialTransition(courseProgressMachine, { course, viewed: ["a"], completed: [] })[0];
    expect(begun.value).toBe("inProgress");
    expect(summarize(begun.context).nextItemId).toBe("a");
    const done = initialTransition(courseProgressMachine, { course, viewed: ["a", "b", "c"], completed: ["a", "b", "c"] })[0];
    expect(done.value).toBe("completed");
  });
});
