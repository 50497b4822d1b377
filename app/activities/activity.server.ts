import type { AppLoadContext } from "@remix-run/node";
import type { SnapshotFrom } from "xstate";
import type { Course, CourseItem } from "../content/model";
import type { Locale } from "../i18n/locales";
import type { courseProgressMachine } from "../machines/course-progress";

// An activity is what a course item of one kind does on its page: the data the page shows, and
// one step from a submitted form. The learn item route guards (signed in, course visible, item
// open) and hands over to the item's activity; a new item kind is a new file in this folder,
// listed in ./index.server.ts, with its panel in ./panels.tsx.

export interface ItemArgs {
  context: AppLoadContext;
  personId: string;
  course: Course;
  item: CourseItem;
  locale: Locale;
  /** Pages without scripts or media (the person's choice or their cohort's). */
  lowData: boolean;
  /** The time zone the person chose; null: their cohort's. */
  timeZone: string | null;
  /** The person's progress in the course as the guard found it (the item is open). */
  progress: SnapshotFrom<typeof courseProgressMachine>;
}

/** What a step comes to: where to go next, or the page again with a translated error and what was typed. */
export type StepOutcome = { redirect: string } | { status: 400 | 409; error: string; values: Record<string, string | string[]> };

export interface Activity<Page> {
  /** What the item's page shows; null when the content has nothing for it yet. */
  pageData(args: ItemArgs): Promise<Page | null>;
  /** One step from the item page's form. */
  act(args: ItemArgs, form: FormData): Promise<StepOutcome>;
}

export const itemPath = (args: Pick<ItemArgs, "course" | "item">) => `/learn/${args.course.id}/${args.item.id}`;

export const refuse = (status: 400 | 409, error: string, values: Record<string, string | string[]> = {}): StepOutcome => ({ status, error, values });

/** A stored state written by another version of the activity's rules: shown as a notice, never a 500. */
export const OUTDATED = { outdated: true } as const;
