import type { ItemKind } from "../content/schema";
import type { Activity } from "./activity.server";
import { discussion } from "./discussion.server";
import { groupTask } from "./group-task.server";
import { lesson } from "./lesson.server";
import { quiz } from "./quiz.server";
import { scenario } from "./scenario.server";
import { session } from "./session.server";

/** Every item kind's activity: the learn item route looks the item's kind up here. */
export const ACTIVITIES = { lesson, quiz, scenario, discussion, session, "group-task": groupTask } as const satisfies { [K in ItemKind]: Activity<unknown> };

/** The page data of each kind, under the kind's name (the page has exactly one of them). */
export type ActivityPages = { [K in ItemKind]?: Awaited<ReturnType<(typeof ACTIVITIES)[K]["pageData"]>> };
