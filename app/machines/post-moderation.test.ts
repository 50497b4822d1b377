import { describe, expect, it } from "vitest";
import { getShortestPaths } from "xstate/graph";
import { initialPostState, nextPostState, nextThreadFlags, postModerationMachine, threadMachine, type PostEvent } from "./post-moderation";

const ALL_POST_EVENTS: PostEvent[] = [
  { type: "post.approve" },
  { type: "post.hold" },
  { type: "post.report" },
  { type: "post.dismiss" },
  { type: "post.hide" },
  { type: "post.restore" },
  { type: "post.remove" },
];

describe("a post's moderation", () => {
  it("goes held → published → reported → hidden → restored (published again)", () => {
    expect(nextPostState("held", { type: "post.approve" })).toBe("published");
    expect(nextPostState("published", { type: "post.report" })).toBe("reported");
    expect(nextPostState("reported", { type: "post.hide" })).toBe("hidden");
    expect(nextPostState("hidden", { type: "post.restore" })).toBe("published");
  });

  it("returns a reported post to published when the report is dismissed", () => {
    expect(nextPostState("reported", { type: "post.dismiss" })).toBe("published");
    expect(nextPostState("reported", { type: "post.report" })).toBe("reported");
  });

  it("refuses events that make no sense in a state", () => {
    expect(nextPostState("published", { type: "post.approve" })).toBeNull();
    expect(nextPostState("published", { type: "post.dismiss" })).toBeNull();
    expect(nextPostState("held", { type: "post.report" })).toBeNull();
    expect(nextPostState("hidden", { type: "post.report" })).toBeNull();
    expect(nextPostState("hidden", { type: "post.approve" })).toBeNull();
  });

  it("lets nothing bring a removed post back", () => {
    for (const event of ALL_POST_EVENTS) expect(nextPostState("removed", event), event.type).toBeNull();
  });

  it("holds a published post again when an edit brings in personal data", () => {
    expect(nextPostState("published", { type: "post.hold" })).toBe("held");
    expect(nextPostState("held", { type: "post.hold" })).toBe("held");
  });

  it("reaches every state from the start, and only those", () => {
    const reached = getShortestPaths(postModerationMachine, { events: ALL_POST_EVENTS }).map((p) => String(p.state.value));
    expect(reached.sort()).toEqual(["held", "hidden", "published", "removed", "reported"]);
  });
});

describe("where a new post starts", () => {
  const facts = { personalDataFound: false, moderator: false, holdFirstPosts: 0, earlierPostsInSpace: 0 };
  it("holds personal data for a facilitator, whoever writes it", () => {
    expect(initialPostState({ ...facts, personalDataFound: true })).toEqual({ state: "held", reason: "safeguarding" });
    expect(initialPostState({ ...facts, personalDataFound: true, moderator: true })).toEqual({ state: "held", reason: "safeguarding" });
  });
  it("holds a member's first posts in a space that asks for it, never a facilitator's", () => {
    expect(initialPostState({ ...facts, holdFirstPosts: 2, earlierPostsInSpace: 1 })).toEqual({ state: "held", reason: "first-posts" });
    expect(initialPostState({ ...facts, holdFirstPosts: 2, earlierPostsInSpace: 2 })).toEqual({ state: "published", reason: null });
    expect(initialPostState({ ...facts, holdFirstPosts: 2, moderator: true })).toEqual({ state: "published", reason: null });
  });
  it("publishes everything else at once", () => {
    expect(initialPostState(facts)).toEqual({ state: "published", reason: null });
  });
});

describe("a thread's state", () => {
  it("locks and unlocks, pins and unpins, independently", () => {
    expect(nextThreadFlags({ locked: false, pinned: false }, { type: "thread.lock" })).toEqual({ locked: true, pinned: false });
    expect(nextThreadFlags({ locked: true, pinned: false }, { type: "thread.pin" })).toEqual({ locked: true, pinned: true });
    expect(nextThreadFlags({ locked: true, pinned: true }, { type: "thread.unlock" })).toEqual({ locked: false, pinned: true });
    expect(nextThreadFlags({ locked: false, pinned: true }, { type: "thread.unpin" })).toEqual({ locked: false, pinned: false });
  });

  it("answers null to a change that changes nothing", () => {
    expect(nextThreadFlags({ locked: true, pinned: false }, { type: "thread.lock" })).toBeNull();
    expect(nextThreadFlags({ locked: false, pinned: false }, { type: "thread.unpin" })).toBeNull();
  });

  it("reaches all four combinations", () => {
    const events = [{ type: "thread.lock" }, { type: "thread.unlock" }, { type: "thread.pin" }, { type: "thread.unpin" }] as const;
    const reached = getShortestPaths(threadMachine, { events: [...events] }).map((p) => JSON.stringify(p.state.value));
    expect(reached.sort()).toEqual(
      [
        '{"access":"locked","position":"pinned"}',
        '{"access":"locked","position":"unpinned"}',
        '{"access":"open","position":"pinned"}',
        '{"access":"open","position":"unpinned"}',
      ].sort(),
    );
  });
});
