import type { ProgressCourse } from "../machines/course-progress";
import type { Course } from "./model";

/** The parts of a course its progress rules need. */
export function progressCourse(course: Course): ProgressCourse {
  return {
    modules: course.modules.map((m) => ({ id: m.id, requires: m.requires })),
    items: [...course.items.values()].map((i) => ({ id: i.id, moduleId: i.moduleId, requires: i.requires, optional: i.optional, minutes: i.minutes })),
  };
}

/** What completing an item needs: the progress rules, and the certificate the course grants, if any. */
export interface CompletionCourse extends ProgressCourse {
  id: string;
  certificate: Pick<Course, "id" | "version" | "title" | "minutes"> | null;
}

/** A course as completing an item needs it; the certificate may be left out (tests, seeds). */
export type CompletingCourse = ProgressCourse & { id: string; certificate?: CompletionCourse["certificate"] };

export function completionCourse(course: Course): CompletionCourse {
  return { ...progressCourse(course), id: course.id, certificate: course.certificate ? { id: course.id, version: course.version, title: course.title, minutes: course.minutes } : null };
}
