import type { ProgressCourse } from "../machines/course-progress";
import type { Course } from "./model";

/** The parts of a course its progress rules need. */
export function progressCourse(course: Course): ProgressCourse {
  return {
    modules: course.modules.map((m) => ({ id: m.id, requires: m.requires })),
    items: [...course.items.values()].map((i) => ({ id: i.id, moduleId: i.moduleId, requires: i.requires, optional: i.optional, minutes: i.minutes })),
  };
}
