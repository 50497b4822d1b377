import { createHash } from "node:crypto";
import type { Locale } from "../i18n/locales";
import { lessonIn, pick, type Course } from "./model";

// What a device saves to read a course without a connection: the course page and its lessons
// (with the images they show). Every other kind of item needs the server (answers are checked
// there, posts and sessions are live), so it is listed apart, for the device to say so.

export interface OfflinePage {
  url: string;
  kind: string;
  title: string;
}

export interface OfflineCourse {
  courseId: string;
  title: string;
  /** Changes whenever what is saved changes: a saved copy with another version is stale. */
  contentVersion: string;
  pages: OfflinePage[];
  needsConnection: OfflinePage[];
  images: string[];
}

const versions = new WeakMap<Course, string>();

/**
 * A short hash of everything the saved pages show: the course's titles, its modules and items
 * (ids, kinds, order, prerequisites, minutes) and every lesson's text in every language. Quiz
 * keys and other item files are not saved, so they do not count. Kept per loaded course
 * (content is loaded once, or reloaded as new objects in development).
 */
export function contentVersion(course: Course): string {
  let version = versions.get(course);
  if (!version) {
    const hash = createHash("sha256");
    hash.update(JSON.stringify([course.id, course.version, course.publishedLocales, course.title, course.summary, course.minutes]));
    for (const m of course.modules) {
      hash.update(JSON.stringify([m.id, m.title, m.requires]));
      for (const i of m.items) hash.update(JSON.stringify([i.id, i.kind, i.minutes, i.requires, i.optional, i.title, i.prompt ?? null]));
    }
    for (const key of [...course.lessons.keys()].sort()) {
      const lesson = course.lessons.get(key)!;
      hash.update(JSON.stringify([key, lesson.title, lesson.minutes, lesson.sources, lesson.html]));
    }
    version = hash.digest("base64url").slice(0, 22);
    versions.set(course, version);
  }
  return version;
}

/** The addresses of the course's own images in a lesson's HTML (see app/server/app.ts). */
function imagesOf(html: string, courseId: string): string[] {
  const prefix = `/course-images/${courseId}/`;
  return [...html.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!).filter((src) => src.startsWith(prefix) && /^[\w.-]+$/.test(src.slice(prefix.length)));
}

/** The course's save list, with titles (and the lessons whose images count) in the person's language. */
export function offlineCourse(course: Course, locale: Locale): OfflineCourse {
  const items = [...course.items.values()];
  const lessons = items.filter((i) => i.kind === "lesson");
  const page = (i: (typeof items)[number]): OfflinePage => ({ url: `/learn/${course.id}/${i.id}`, kind: i.kind, title: pick(i.title, locale) });
  const images = new Set(lessons.flatMap((i) => imagesOf(lessonIn(course, i.id, locale)?.lesson.html ?? "", course.id)));
  return {
    courseId: course.id,
    title: pick(course.title, locale),
    contentVersion: contentVersion(course),
    pages: [{ url: `/learn/${course.id}`, kind: "course", title: pick(course.title, locale) }, ...lessons.map(page)],
    needsConnection: items.filter((i) => i.kind !== "lesson").map(page),
    images: [...images],
  };
}
