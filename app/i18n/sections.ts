/**
 * Which parts of the translations a page sends to the browser. The root loader hands the page's
 * strings to the client with every document (and again when the root revalidates), so a page
 * takes the frame's sections plus those of its area — the first segment of its path — instead
 * of all of them (the whole file is ~9 KB compressed, a lesson needs about a third of it).
 * app/i18n/sections.test.ts checks that every key a route's code uses is in its area's list.
 */

import type { ItemKind } from "../content/schema";

/** The frame of every page: header, skip link, sign-out, forms, errors, the notifications badge. */
const FRAME = ["nav", "language", "roles", "auth", "errors", "form", "csrf", "pagination", "dialogue.nav", "dialogue.notifications", "offlineStatus"];

/** What each area adds; an area not listed (the home page, a 404) has the frame alone. */
const AREAS: Record<string, readonly string[]> = {
  learn: ["learn", "activity", "course", "cohort", "lesson", "session.upcoming", "certificate.mine", "dialogue.discussion", "offlineSave"],
  account: ["account", "certificate", "lowData", "mailPrefs"],
  admin: ["admin", "audit", "people", "invitations", "lowData", "dialogue", "cohort", "mailAdmin", "orgAdmin", "cohortAdmin", "rolesAdmin", "peopleAdmin", "personAdmin", "enrolment", "retention", "erasure", "erasureAdmin"],
  coordinate: ["coordinate", "report", "people", "invitations", "mailAdmin.invite", "certificate.list", "certificate.verify", "scenario.report", "scenario.outcome", "scenario.quality", "quiz.true", "quiz.false", "course", "cohort", "cohortAdmin", "enrolment"],
  dialogue: ["dialogue"],
  facilitate: ["facilitate", "dialogue", "session.speaker"],
  notifications: ["dialogue"],
  join: ["join", "invitations", "cohortAdmin.join"],
  reset: ["reset"],
  mail: ["mailPrefs"],
  verify: ["certificate"],
  offline: ["offline"],
  privacy: ["privacy"],
};

/**
 * What an item page adds to the learn area for its item's kind (app/activities/): a lesson page
 * does not carry the strings of quizzes, scenarios, sessions and group tasks (half the area).
 * The item route sends them with its own data.
 */
export const KIND_SECTIONS: Record<ItemKind, readonly string[]> = {
  lesson: [],
  discussion: [],
  quiz: ["quiz"],
  scenario: ["scenario"],
  session: ["session"],
  "group-task": ["groupTask"],
};

/** The area of a path: "/learn/x/y" → "learn"; "" for paths outside every area (home, 404s). */
export function areaOf(pathname: string): string {
  const first = pathname.split("/")[1] ?? "";
  return Object.hasOwn(AREAS, first) ? first : "";
}

/** The translation keys (sections or dotted sub-sections) a page under this path needs. */
export function sectionsFor(pathname: string): readonly string[] {
  return [...FRAME, ...(AREAS[areaOf(pathname)] ?? [])];
}

type Tree = { [key: string]: string | Tree };

/** The part of a translation tree under the given keys (a key may be dotted: "a.b"). */
export function pickSections(tree: Tree, keys: readonly string[]): Tree {
  const picked: Tree = {};
  // A key inside another listed key comes with it (and must not write into the shared tree).
  const wanted = keys.filter((key) => !keys.some((other) => key.startsWith(`${other}.`)));
  for (const key of wanted) {
    const path = key.split(".");
    const last = path.pop()!;
    let from: Tree | string | undefined = tree;
    let to = picked;
    for (const part of path) {
      from = typeof from === "object" ? from[part] : undefined;
      const next: Tree = typeof to[part] === "object" ? to[part] : {};
      to = to[part] = next;
    }
    const value = typeof from === "object" ? from[last] : undefined;
    if (value !== undefined) to[last] = value;
  }
  return picked;
}
