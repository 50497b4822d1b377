import { setup, transition } from "xstate";
import type { PostState } from "../../db/types";

// The life of a dialogue post and of a thread, as pure machines. The server keeps no actor: it
// resolves the state stored in the row, asks the machine for the next one, and writes it back
// with the row's version (see app/models/dialogue/moderation.server.ts).

/** Bump when states or events change meaning, so old rows can be told apart. */
export const POST_MACHINE_VERSION = 1;

export type PostEvent =
  | { type: "post.approve" }
  | { type: "post.hold" }
  | { type: "post.report" }
  | { type: "post.dismiss" }
  | { type: "post.hide" }
  | { type: "post.restore" }
  | { type: "post.remove" };

export const postModerationMachine = setup({
  types: { events: {} as PostEvent },
}).createMachine({
  id: "postModeration",
  initial: "published",
  states: {
    // Waiting for a facilitator: safeguarding found personal data, or one of a member's first posts.
    held: {
      on: { "post.approve": "published", "post.hold": "held", "post.hide": "hidden", "post.remove": "removed" },
    },
    published: {
      on: { "post.report": "reported", "post.hide": "hidden", "post.hold": "held", "post.remove": "removed" },
    },
    // Published, with open reports waiting in the queue.
    reported: {
      on: { "post.report": "reported", "post.dismiss": "published", "post.hide": "hidden", "post.hold": "held", "post.remove": "removed" },
    },
    // Taken down by a facilitator with a reason the author sees; can be restored.
    hidden: {
      on: { "post.restore": "published", "post.remove": "removed" },
    },
    // Deleted by its author: a "removed" placeholder keeps the replies in place.
    removed: { type: "final" },
  },
});

/** The state after `event`, or null when the event does not apply in `state`. */
export function nextPostState(state: PostState, event: PostEvent): PostState | null {
  const snapshot = postModerationMachine.resolveState({ value: state, context: undefined });
  if (!snapshot.can(event)) return null;
  const [next] = transition(postModerationMachine, snapshot, event);
  return next.value as PostState;
}

export type HoldReason = "safeguarding" | "first-posts";

export interface NewPostFacts {
  /** Safeguarding found personal data in the title or text. */
  personalDataFound: boolean;
  /** The author moderates the space. */
  moderator: boolean;
  /** The space's rule: a member's first N posts wait for a facilitator (0: none do). */
  holdFirstPosts: number;
  /** The author's posts in the space so far. */
  earlierPostsInSpace: number;
}

/**
 * Where a new post starts: held when safeguarding found personal data, or while it is one of a
 * member's first posts in a space that holds them; published otherwise.
 */
export function initialPostState(facts: NewPostFacts): { state: "held"; reason: HoldReason } | { state: "published"; reason: null } {
  if (facts.personalDataFound) return { state: "held", reason: "safeguarding" };
  if (!facts.moderator && facts.earlierPostsInSpace < facts.holdFirstPosts) return { state: "held", reason: "first-posts" };
  return { state: "published", reason: null };
}

/** Whether readers of the thread see the post's text (the author and facilitators see more). */
export function isVisibleToReaders(state: PostState): boolean {
  return state === "published" || state === "reported";
}

export type ThreadEvent = { type: "thread.lock" } | { type: "thread.unlock" } | { type: "thread.pin" } | { type: "thread.unpin" };

export const threadMachine = setup({
  types: { events: {} as ThreadEvent },
}).createMachine({
  id: "thread",
  type: "parallel",
  states: {
    access: {
      initial: "open",
      states: { open: { on: { "thread.lock": "locked" } }, locked: { on: { "thread.unlock": "open" } } },
    },
    position: {
      initial: "unpinned",
      states: { unpinned: { on: { "thread.pin": "pinned" } }, pinned: { on: { "thread.unpin": "unpinned" } } },
    },
  },
});

export interface ThreadFlags {
  locked: boolean;
  pinned: boolean;
}

/** The flags after `event`, or null when it changes nothing (locking a locked thread). */
export function nextThreadFlags(flags: ThreadFlags, event: ThreadEvent): ThreadFlags | null {
  const value = { access: flags.locked ? "locked" : "open", position: flags.pinned ? "pinned" : "unpinned" };
  const snapshot = threadMachine.resolveState({ value, context: undefined });
  if (!snapshot.can(event)) return null;
  const [next] = transition(threadMachine, snapshot, event);
  const v = next.value as { access: string; position: string };
  return { locked: v.access === "locked", pinned: v.position === "pinned" };
}
