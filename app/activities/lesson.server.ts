import { summarize } from "../machines/course-progress";
import { completionCourse } from "../content/progress-course";
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

/** A lesson: text to read, then "done, next". */
export const lesson: Activity<LessonPage> = {
  async pageData({ course, item, locale }) {
    // The lesson in the person's language, else in Spanish (then marked with its own language).
    const lessonLocale = course.lessons.has(`${item.id}.${locale}`) ? locale : "es";
    const found = course.lessons.get(`${item.id}.${lessonLocale}`);
    return found ? { html: found.html, sources: found.sources, minutes: found.minutes, locale: lessonLocale, fallback: lessonLocale !== locale } : null;
  },

  async act(args) {
    const { context, personId, course, item, progress } = args;
    const result = await recordCompletion(context.db, personId, completionCourse(course), item.id, item.kind);
    if (!result.ok) return refuse(409, "lesson.lockedNotSaved");
    if (result.newlyCompleted && result.courseCompleted) return { redirect: `/learn/${course.id}?completed=1` };
    const next = summarize(withCompletion(progress, item.id).context).nextItemId;
    return { redirect: next ? `/learn/${course.id}/${next}` : `/learn/${course.id}` };
  },
};
