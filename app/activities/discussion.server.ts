import { pick } from "../content/model";
import { discussionThread } from "../models/dialogue/discussion.server";
import { refuse, type Activity } from "./activity.server";

export interface DiscussionPage {
  prompt: string;
  /** The cohort's thread about the item; null when the person is in no cohort. */
  path: string | null;
}

/** A discussion: the item's question and the way to the cohort's thread; posting there completes it. */
export const discussion: Activity<DiscussionPage> = {
  async pageData({ context, personId, course, item, locale }) {
    const thread = await discussionThread(context.db, personId, course, item);
    return {
      prompt: item.prompt ? pick(item.prompt, locale) : "",
      path: thread ? `/dialogue/${thread.spaceId}/${thread.threadId}` : null,
    };
  },

  // Done by posting in its thread, never by a button on the item page.
  async act() {
    return refuse(409, "dialogue.discussion.doneByPosting");
  },
};
