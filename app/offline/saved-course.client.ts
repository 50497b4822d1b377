// "Save this course for offline use": the page stores, in the browser's Cache Storage, the
// course page, each lesson (asked with SAVE_HEADER, so the server adds the offline token its
// "done, next" form needs), the images they show and every script and stylesheet they load,
// then a record of what it stored. The service worker answers from these when the network
// cannot (app/offline/sw/). Removing deletes what no other saved course uses.
import { ASSETS_CACHE, PAGES_CACHE, SAVE_HEADER, savedCourseKey, savedCourses, type SavedCourse } from "./protocol";
import { installWorker } from "./worker.client";

/** What the server lists for a course (app/routes/resources.offline-course.$courseId.tsx). */
interface SaveList {
  courseId: string;
  title: string;
  contentVersion: string;
  pages: { url: string; kind: string; title: string }[];
  needsConnection: { url: string; kind: string; title: string }[];
  images: string[];
}

export type SaveProgress = (done: number, total: number) => void;

/** Why a save stopped: the reason is a translation key under offlineSave.errors. */
export class SaveFailed extends Error {
  constructor(readonly reason: "network" | "storage" | "server" | "worker") {
    super(reason);
  }
}

export async function readSavedCourse(courseId: string): Promise<SavedCourse | null> {
  const found = await caches.match(savedCourseKey(courseId), { cacheName: PAGES_CACHE });
  return found ? ((await found.json()) as SavedCourse) : null;
}

export async function saveCourse(courseId: string, onProgress: SaveProgress): Promise<SavedCourse> {
  // Not "no room": the browser would not install the worker (blocked, private mode, a failed install).
  await installWorker().catch(() => {
    throw new SaveFailed("worker");
  });
  const list = (await fetchOrFail(`/resources/offline-course/${encodeURIComponent(courseId)}`).then((r) => r.json())) as SaveList;
  const pages = await caches.open(PAGES_CACHE);
  const assets = await caches.open(ASSETS_CACHE);
  const total = list.pages.length + list.images.length + 1;
  let done = 0;
  const step = () => onProgress(++done, total);
  let bytes = 0;
  const assetUrls = new Set<string>();

  // Everything is fetched before anything is stored, so a save cut short leaves the old copy whole.
  const fetched: [string, Response][] = [];
  for (const page of list.pages) {
    const response = await fetchOrFail(page.url, { headers: { [SAVE_HEADER]: "1" } });
    const html = await response.text();
    for (const asset of assetsOf(html)) assetUrls.add(asset);
    fetched.push([page.url, new Response(html, { headers: pageHeaders(response) })]);
    bytes += new Blob([html]).size;
    step();
  }
  for (const url of list.images) {
    const response = await fetchOrFail(url);
    const body = await response.blob();
    fetched.push([url, new Response(body, { headers: { "Content-Type": response.headers.get("Content-Type") ?? "application/octet-stream" } })]);
    bytes += body.size;
    step();
  }
  const missingAssets = [];
  for (const url of assetUrls) if (!(await caches.match(url))) missingAssets.push(url);
  try {
    // Fingerprinted files: the browser's own cache usually has them already.
    await assets.addAll(missingAssets);
    for (const [url, response] of fetched) await pages.put(url, response);
  } catch (error) {
    throw error instanceof TypeError ? new SaveFailed("network") : new SaveFailed("storage");
  }
  for (const url of assetUrls) bytes += (await (await caches.match(url))?.clone().blob())?.size ?? 0;

  const titles = Object.fromEntries([...list.pages, ...list.needsConnection].map((p) => [p.url, p.title]));
  const record: SavedCourse = {
    courseId: list.courseId,
    title: list.title,
    contentVersion: list.contentVersion,
    savedAt: new Date().toISOString(),
    urls: fetched.map(([url]) => url),
    needsConnection: list.needsConnection.map((p) => p.url),
    titles,
    bytes,
  };
  await pages.put(savedCourseKey(courseId), new Response(JSON.stringify(record), { headers: { "Content-Type": "application/json" } }));
  step();
  return record;
}

/** Frees the course's pages and images (those another saved course also has stay). */
export async function removeCourse(courseId: string): Promise<void> {
  const pages = await caches.open(PAGES_CACHE);
  const record = await readSavedCourse(courseId);
  await pages.delete(savedCourseKey(courseId));
  if (!record) return;
  const others = new Set((await savedCourses()).flatMap((course) => course.urls));
  for (const url of record.urls) if (!others.has(url)) await pages.delete(url);
}

async function fetchOrFail(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin" });
  } catch {
    throw new SaveFailed("network");
  }
  // A redirect (an expired session sent to /login) must never be saved under the lesson's address.
  if (!response.ok || response.redirected) throw new SaveFailed("server");
  return response;
}

/** The build's scripts and stylesheets a page loads (links, module preloads, the inline imports). */
export function assetsOf(html: string): string[] {
  return [...new Set([...html.matchAll(/["'](\/build\/[^"'?#]+\.(?:js|css))["']/g)].map((m) => m[1]!))];
}

/** A saved page keeps the headers that protect it (its CSP matches the nonce in its HTML). */
function pageHeaders(response: Response): Headers {
  const kept = new Headers({ "Content-Type": "text/html; charset=utf-8" });
  for (const name of ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"]) {
    const value = response.headers.get(name);
    if (value) kept.set(name, value);
  }
  return kept;
}
