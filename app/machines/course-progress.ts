import { assign, setup } from "xstate";

/**
 * One officer's progress through one course. The machine holds what the officer has viewed and
 * completed; everything else — each item's state, why an item is locked, what to do next — is
 * derived from that and the course's rules by the functions below, so the officer and (later)
 * coordinators read the same explanation. Pure: no I/O; the server replays stored facts into it.
 */

export interface ProgressItem {
  id: string;
  moduleId: string;
  requires: readonly string[];
  optional: boolean;
  minutes: number;
}
export interface ProgressModule {
  id: string;
  requires: readonly string[];
}
export interface ProgressCourse {
  modules: readonly ProgressModule[];
  /** In course order. */
  items: readonly ProgressItem[];
}

export type ItemState = "locked" | "available" | "in-progress" | "done";
/** Why something is locked: a module or an item that must be finished first. */
export type LockReason = { kind: "module"; moduleId: string } | { kind: "item"; itemId: string };

export interface ProgressContext {
  course: ProgressCourse;
  viewed: string[];
  completed: string[];
}

export type ProgressEvent = { type: "item.viewed"; itemId: string } | { type: "item.completed"; itemId: string };

export const courseProgressMachine = setup({
  types: {
    context: {} as ProgressContext,
    events: {} as ProgressEvent,
    /** Facts stored earlier are given back as input when the machine is restored. */
    input: {} as { course: ProgressCourse; viewed?: string[]; completed?: string[] },
  },
  guards: {
    itemOpen: ({ context, event }) => itemStatus(context, event.itemId).state !== "locked",
    allRequiredDone: ({ context }) => allRequiredDone(context),
    begun: ({ context }) => context.viewed.length + context.completed.length > 0,
  },
  actions: {
    recordView: assign({
      viewed: ({ context, event }) => (context.viewed.includes(event.itemId) ? context.viewed : [...context.viewed, event.itemId]),
    }),
    recordCompletion: assign({
      completed: ({ context, event }) => (context.completed.includes(event.itemId) ? context.completed : [...context.completed, event.itemId]),
      viewed: ({ context, event }) => (context.viewed.includes(event.itemId) ? context.viewed : [...context.viewed, event.itemId]),
    }),
  },
}).createMachine({
  id: "courseProgress",
  context: ({ input }) => ({ course: input.course, viewed: input.viewed ?? [], completed: input.completed ?? [] }),
  initial: "notStarted",
  states: {
    notStarted: {
      always: { guard: "begun", target: "inProgress" },
      on: {
        "item.viewed": { guard: "itemOpen", target: "inProgress", actions: "recordView" },
        "item.completed": { guard: "itemOpen", target: "inProgress", actions: "recordCompletion" },
      },
    },
    inProgress: {
      always: { guard: "allRequiredDone", target: "completed" },
      on: {
        "item.viewed": { guard: "itemOpen", actions: "recordView" },
        "item.completed": { guard: "itemOpen", actions: "recordCompletion" },
      },
    },
    // Done: the officer may still read and finish optional items.
    completed: {
      on: {
        "item.viewed": { guard: "itemOpen", actions: "recordView" },
        "item.completed": { guard: "itemOpen", actions: "recordCompletion" },
      },
    },
  },
});

function requiredItems(context: ProgressContext, moduleId?: string) {
  return context.course.items.filter((i) => !i.optional && (moduleId === undefined || i.moduleId === moduleId));
}

function allRequiredDone(context: ProgressContext): boolean {
  return requiredItems(context).every((i) => context.completed.includes(i.id));
}

export function moduleDone(context: ProgressContext, moduleId: string): boolean {
  return requiredItems(context, moduleId).every((i) => context.completed.includes(i.id));
}

/** Modules that must be finished before this one opens and are not yet. */
export function moduleLocks(context: ProgressContext, moduleId: string): LockReason[] {
  const module = context.course.modules.find((m) => m.id === moduleId);
  return (module?.requires ?? []).filter((m) => !moduleDone(context, m)).map((m) => ({ kind: "module" as const, moduleId: m }));
}

/** An item's state and, when locked, every reason. */
export function itemStatus(context: ProgressContext, itemId: string): { state: ItemState; reasons: LockReason[] } {
  const item = context.course.items.find((i) => i.id === itemId);
  if (!item) return { state: "locked", reasons: [] };
  if (context.completed.includes(itemId)) return { state: "done", reasons: [] };
  const reasons: LockReason[] = [
    ...moduleLocks(context, item.moduleId),
    ...item.requires.filter((r) => !context.completed.includes(r)).map((r) => ({ kind: "item" as const, itemId: r })),
  ];
  if (reasons.length) return { state: "locked", reasons };
  return { state: context.viewed.includes(itemId) ? "in-progress" : "available", reasons: [] };
}

export interface CourseSummary {
  status: "not-started" | "in-progress" | "completed";
  requiredDone: number;
  requiredTotal: number;
  percent: number;
  minutesLeft: number;
  /** Where "continue" leads: an item begun and not finished, else the first open one. */
  nextItemId: string | null;
  /** Required items still to do, for "why not complete". */
  remaining: string[];
}

export function summarize(context: ProgressContext): CourseSummary {
  const required = requiredItems(context);
  const done = required.filter((i) => context.completed.includes(i.id));
  const remaining = required.filter((i) => !context.completed.includes(i.id));
  const open = context.course.items.filter((i) => ["available", "in-progress"].includes(itemStatus(context, i.id).state));
  const next = open.find((i) => itemStatus(context, i.id).state === "in-progress") ?? open.find((i) => !i.optional) ?? open[0];
  const status = remaining.length === 0 ? "completed" : context.viewed.length + context.completed.length === 0 ? "not-started" : "in-progress";
  return {
    status,
    requiredDone: done.length,
    requiredTotal: required.length,
    percent: required.length ? Math.round((done.length / required.length) * 100) : 100,
    minutesLeft: remaining.reduce((sum, i) => sum + i.minutes, 0),
    nextItemId: next?.id ?? null,
    remaining: remaining.map((i) => i.id),
  };
}
