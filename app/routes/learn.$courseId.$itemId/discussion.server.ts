import type { DB } from "../../../db/client";
import { pick, type Course, type CourseItem } from "../../content/model";
import type { Locale } from "../../i18n/locales";
import { discussionThread } from "../../models/dialogue-discussion.server";

/** What a discussion item's page shows: its prompt and where the cohort talks about it. */
export async function discussionItemData(db: DB, personId: string, course: Course, item: CourseItem, locale: Locale) {
  const thread = await discussionThread(db, personId, course, item);
  return {
    prompt: item.prompt ? pick(item.prompt, locale) : "",
    path: thread ? `/dialogue/${thread.spaceId}/${thread.threadId}` : null,
  };
}
