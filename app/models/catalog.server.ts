import type { DB } from "../../db/client";
import type { Catalog, Course } from "../content/model";
import { assignedCourses } from "./progress.server";

export interface VisibleCourse {
  course: Course;
  dueOn: string | null;
}

/** The courses a person sees: those open to all and those given to one of their cohorts. */
export async function coursesFor(db: DB, catalog: Catalog, personId: string): Promise<VisibleCourse[]> {
  const assigned = await assignedCourses(db, personId);
  return [...catalog.courses.values()]
    .filter((c) => c.publishedLocales.length > 0 && (c.openToAll || assigned.has(c.id)))
    .map((course) => ({ course, dueOn: assigned.get(course.id) ?? null }));
}

/** One course if the person may see it, else null (the route answers 404). */
export async function visibleCourse(db: DB, catalog: Catalog, personId: string, courseId: string): Promise<VisibleCourse | null> {
  const course = catalog.courses.get(courseId);
  if (!course || course.publishedLocales.length === 0) return null;
  const assigned = await assignedCourses(db, personId);
  if (!course.openToAll && !assigned.has(course.id)) return null;
  return { course, dueOn: assigned.get(course.id) ?? null };
}
