import { PAGES_CACHE, SAVED_COURSE_PREFIX, type SavedCourse } from "../protocol";

/** Every course saved on this device, from the records the saving page wrote. */
export async function savedCourses(): Promise<SavedCourse[]> {
  const cache = await caches.open(PAGES_CACHE);
  const keys = (await cache.keys()).filter((request) => new URL(request.url).pathname.startsWith(SAVED_COURSE_PREFIX));
  const records = await Promise.all(keys.map(async (key) => (await cache.match(key))?.json() as Promise<SavedCourse> | undefined));
  return records.filter((record): record is SavedCourse => Boolean(record));
}

/** An item of a saved course that cannot work offline (a quiz, a case, a discussion, …). */
export async function needsConnection(path: string): Promise<boolean> {
  return (await savedCourses()).some((course) => course.needsConnection.includes(path));
}

