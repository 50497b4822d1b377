import { summarize } from "../machines/course-progress";
import { lessonIn } from "../content/model";
import { completionCourse } from "../content/progress-course";
import { recordOfflineCompletion, type OfflineMark } from "../models/learning/offline-completion.server";
import { recordCompletion } from "../models/learning/record.server";
import { withCompletion } from "../models/progress.server";
import { refuse, type Activity } from "./activity.server";

export interface LessonPage {
  html: string;
  sources: string[];
  minutes: number;
  locale: string;
  /** Shown in Spanish because the person's language has no version of it. */
  fallback: boolean;
}

/**
 * The fields a page saved for offline reading adds to the form (see offline-completion.server):
 * its one-time token and, when the device queued the form, the time it was marked done. They
 * never refuse a form: a bad token only means the lesson is completed now.
 */
function offlineMark(form: FormData): OfflineMark | null {
  const token = form.get("offlineToken");
  const completedAt = form.get("completedAt");
  if (typeof token !== "string" || !token) return null;
  return { token, completedAt: typeof completedAt === "string" && completedAt ? completedAt : null };
}

/** A lesson: text to read, then "done, next". */
export const lesson: Activity<LessonPage> = {
  async pageData({ course, item, locale }) {
    // The lesson in the person's language, else in Spanish (then marked with its own language).
    const found = lessonIn(course, item.id, locale);
    return found ? { html: found.lesson.html, sources: found.lesson.sources, minutes: found.lesson.minutes, locale: found.locale, fallback: found.locale !== locale } : null;
  },

  async act(args, form) {
    const { context, personId, course, item, progress } = args;
    const mark = offlineMark(form);
    const completing = completionCourse(course);
    const result = mark
      ? await recordOfflineCompletion(context.db, { personId, course: completing, item, mark })
      : await recordCompletion(context.db, personId, completing, item.id, item.kind);
    if (!result.ok) return refuse(409, result.code === "otherPerson" ? "lesson.offlineOtherPerson" : "lesson.lockedNotSaved");
    if (result.newlyCompleted && result.courseCompleted) return { redirect: `/learn/${course.id}?completed=1` };
    const next = summarize(withCompletion(progress, item.id).context).nextItemId;
    return { redirect: next ? `/learn/${course.id}/${next}` : `/learn/${course.id}` };
  },
};
