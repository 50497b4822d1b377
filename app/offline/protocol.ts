// What the pages and the service worker (app/offline/sw/) agree on: cache names, the header a
// saving page sends, the messages they exchange. Nothing here runs on the server.
import { OFFLINE_PAGE, OFFLINE_SAVE_HEADER } from "../utils/offline-save";

/** Saved documents and images of courses saved for offline use, and each course's record. */
export const PAGES_CACHE = "sendero-saved-pages-v1";
/** Scripts and stylesheets of the browser build (fingerprinted, so never stale). */
export const ASSETS_CACHE = "sendero-assets-v1";
/** Every course saved on this device, from the records the saving page wrote (page and worker alike). */
export async function savedCourses(): Promise<SavedCourse[]> {
  const cache = await caches.open(PAGES_CACHE);
  const keys = (await cache.keys()).filter((request) => new URL(request.url).pathname.startsWith(SAVED_COURSE_PREFIX));
  const records = await Promise.all(keys.map(async (key) => (await cache.match(key))?.json() as Promise<SavedCourse> | undefined));
  return records.filter((record): record is SavedCourse => Boolean(record));
}

/** Every cache that may hold a person's pages: emptied on sign-out. */
export const PERSONAL_CACHES = [PAGES_CACHE];

/** Sent when saving a lesson: the server then records no view and adds the offline token. */
export const SAVE_HEADER = OFFLINE_SAVE_HEADER;

/** The record of one saved course, stored in PAGES_CACHE under savedCourseKey(id). */
export interface SavedCourse {
  courseId: string;
  title: string;
  contentVersion: string;
  /** ISO time of the save. */
  savedAt: string;
  /** Documents and images stored for it. */
  urls: string[];
  /** Each page's title, by its address (for what the device says about a queued or refused lesson). */
  titles: Record<string, string>;
  /** Items that need a connection (quiz, scenario, …): offline they get the "needs a connection" page. */
  needsConnection: string[];
  /** What the stored responses weigh, in bytes. */
  bytes: number;
}

export const savedCourseKey = (courseId: string) => `/__offline/courses/${encodeURIComponent(courseId)}`;
export const SAVED_COURSE_PREFIX = "/__offline/courses/";
/** The lessons whose queued completion the server refused, kept until a page has shown them. */
export const REFUSED_KEY = "/__offline/refused";
/** How many queued lessons were delivered since a page last said so (they may go while no page is open). */
export const DELIVERED_KEY = "/__offline/delivered";

/** The pages shown offline in place of a page that is not saved (app/routes/offline.tsx). */
export { OFFLINE_PAGE };
export const NEEDS_CONNECTION_PAGE = `${OFFLINE_PAGE}?reason=connection`;

/** A completion waiting on the device: the lesson's address and when it was marked done. */
export interface QueuedCompletion {
  url: string;
  /** Epoch milliseconds. */
  at: number;
}

/** From a page to the service worker. */
export type ToWorker =
  | { type: "queue" }
  /** `csrf`: the page's current form token, which replaces a queued form's (the cookie's ends with the browser). */
  | { type: "replay"; csrf?: string }
  | { type: "clear" };

/** From the service worker to its pages. */
export type FromWorker =
  | { type: "queue"; queued: QueuedCompletion[] }
  /** A replay ended: how many were delivered, and the lessons the server refused (e.g. locked meanwhile). */
  | { type: "replayed"; delivered: number; refused: string[] }
  /** A form other than a lesson's could not be sent: nothing was lost, the page keeps it. */
  | { type: "not-sent" };
