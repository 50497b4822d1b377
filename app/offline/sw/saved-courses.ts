import { savedCourses } from "../protocol";

/** An item of a saved course that cannot work offline (a quiz, a case, a discussion, …). */
export async function needsConnection(path: string): Promise<boolean> {
  return (await savedCourses()).some((course) => course.needsConnection.includes(path));
}
