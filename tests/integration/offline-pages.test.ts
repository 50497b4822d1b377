import type { AppLoadContext } from "@remix-run/node";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import type { Course } from "../../app/content/model";
import { setLocale } from "../../app/models/person.server";
import { loader as coursePage } from "../../app/routes/learn.$courseId._index";
import { action as logoutAction } from "../../app/routes/logout";
import { loader as manifestLoader } from "../../app/routes/manifest[.]webmanifest";
import { loader as saveListLoader } from "../../app/routes/resources.offline-course.$courseId";
import { loader as rootLoader } from "../../app/root";
import { anonymousRequest, outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makePerson } from "../setup/factories";
import { OFFLINE_COURSE, offlineCourse } from "../setup/offline-course";
import { openTestDb, type TestDb } from "../setup/test-db";

// Issue 19, what the device asks the server for besides the saved lessons: the list of what to
// save for a course (and whether a saved copy is stale), the manifest that makes the site an
// installable app, the offline page's frame, and the sign-out that clears the device.
let t: TestDb;
let root = "";
let course: Course;
let real: Map<string, Course>;
const contextWith = (courses: Map<string, Course>): AppLoadContext => testContext(t.db, { content: { courses } });
let context: AppLoadContext;
beforeAll(async () => {
  t = await openTestDb();
  ({ root, course } = offlineCourse());
  real = loadContent("content/courses").catalog.courses;
  const trafficking = real.get("trafficking-smuggling")!;
  // A course given to one cohort only, beside the open ones.
  context = contextWith(new Map([[OFFLINE_COURSE, course], ["trafficking-smuggling", trafficking], ["closed-course", { ...course, id: "closed-course", openToAll: false }]]));
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await t.close();
});

async function saveList(personId: string, courseId: string, ctx = context) {
  const response = await outcome(async () => saveListLoader({ request: await signedInRequest(t.db, personId, `/resources/offline-course/${courseId}`), context: ctx, params: { courseId } }));
  return { response, body: response.status === 200 ? await response.json() : null };
}

describe(`the list of what to save for a course (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("names the course page and its lessons, apart from the items that need a connection, and the lessons' images", async () => {
    const officer = await makePerson(t.db);
    const { response, body } = await saveList(officer.id, OFFLINE_COURSE);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(body).toEqual({
      courseId: OFFLINE_COURSE,
      title: "Curso corto",
      contentVersion: expect.stringMatching(/^[\w-]{22}$/),
      pages: [
        { url: `/learn/${OFFLINE_COURSE}`, kind: "course", title: "Curso corto" },
        { url: `/learn/${OFFLINE_COURSE}/one`, kind: "lesson", title: "Lección uno" },
        { url: `/learn/${OFFLINE_COURSE}/two`, kind: "lesson", title: "Lección two" },
        { url: `/learn/${OFFLINE_COURSE}/three`, kind: "lesson", title: "Lección three" },
      ],
      needsConnection: [{ url: `/learn/${OFFLINE_COURSE}/talk`, kind: "discussion", title: "Conversemos" }],
      images: [`/course-images/${OFFLINE_COURSE}/map.svg`],
    });
  });

  it("lists every kind of item that needs a connection, with titles in the person's language", async () => {
    const officer = await makePerson(t.db);
    await setLocale(t.db, officer.id, "en");
    const { body } = await saveList(officer.id, "trafficking-smuggling");
    expect(body.title).toBe("Trafficking in persons and smuggling of migrants: tell them apart and respond");
    expect(body.pages[1]).toMatchObject({ url: "/learn/trafficking-smuggling/what-is-trafficking", kind: "lesson" });
    expect(new Set(body.needsConnection.map((p: { kind: string }) => p.kind))).toEqual(new Set(["quiz", "scenario", "group-task"]));
    expect(body.needsConnection).toContainEqual({ url: "/learn/trafficking-smuggling/two-crimes-quiz", kind: "quiz", title: "Check: Two different crimes" });
    expect(body.pages.length + body.needsConnection.length).toBe(real.get("trafficking-smuggling")!.items.size + 1);
  });

  it("answers 404 for a course the person cannot see, and sends the signed-out to sign in", async () => {
    const outsider = await makePerson(t.db, { cohortId: await makeCohort(t.db) });
    expect((await saveList(outsider.id, "closed-course")).response.status).toBe(404);
    expect((await saveList(outsider.id, "no-such-course")).response.status).toBe(404);
    const given = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: given, course_id: "closed-course", due_on: null }).execute();
    const member = await makePerson(t.db, { cohortId: given });
    expect((await saveList(member.id, "closed-course")).response.status).toBe(200);
    const anonymous = await outcome(async () => saveListLoader({ request: anonymousRequest(`/resources/offline-course/${OFFLINE_COURSE}`), context, params: { courseId: OFFLINE_COURSE } }));
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });

  it("keeps its content version while the content stays the same, changes it when a lesson changes, and the course page shows it", async () => {
    const officer = await makePerson(t.db);
    const version = async (c: Course) => (await saveList(officer.id, OFFLINE_COURSE, contextWith(new Map([[OFFLINE_COURSE, c]])))).body.contentVersion as string;
    const first = await version(course);
    expect(await version(course)).toBe(first);
    // Loaded again from the same files (as a restart does): the same version.
    expect(await version(offlineCourse(root).course)).toBe(first);
    const edited = offlineCourse(root, "El texto corregido de la primera lección.").course;
    const changed = await version(edited);
    expect(changed).not.toBe(first);

    const page = await outcome(async () => coursePage({ request: await signedInRequest(t.db, officer.id, `/learn/${OFFLINE_COURSE}`), context: contextWith(new Map([[OFFLINE_COURSE, edited]])), params: { courseId: OFFLINE_COURSE } }));
    expect((await page.json()).offlineVersion).toBe(changed);
  });
});

describe(`the installable app's manifest (${process.env.SENDERO_TEST_ENGINE})`, () => {
  const manifest = async (headers: Record<string, string>) => {
    const response = await manifestLoader({ request: anonymousRequest("/manifest.webmanifest", { headers }), context, params: {} });
    return { response, body: await response.json() };
  };

  it("is a web app manifest in the language of the cookie, else of the browser, Spanish first", async () => {
    const spanish = await manifest({ "accept-language": "es-GT,es;q=0.9" });
    expect(spanish.response.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    expect(spanish.body).toMatchObject({ name: "Sendero", short_name: "Sendero", lang: "es", start_url: "/learn", scope: "/", display: "standalone", theme_color: "#0b5a63", background_color: "#ffffff" });
    expect(spanish.body.description).toMatch(/oficiales de migración/);
    const english = await manifest({ cookie: "sendero_lang=en", "accept-language": "es-GT" });
    expect(english.body).toMatchObject({ name: "Sendero", lang: "en" });
    expect(english.body.description).toMatch(/migration officers/);
    expect((await manifest({ "accept-language": "en-US" })).body.lang).toBe("en");
    expect((await manifest({})).body.lang).toBe("es");
    expect(english.response.headers.get("vary")).toMatch(/Cookie/);
  });

  it("names icons of 192 and 512 pixels and a maskable one", async () => {
    const { body } = await manifest({});
    expect(body.icons).toEqual([
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ]);
  });
});

describe(`the frame of the offline page, and signing out (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("reads nobody's session for /offline, so the copy the device keeps shows no one's name", async () => {
    const officer = await makePerson(t.db);
    const rootData = async (path: string) => rootLoader({ request: await signedInRequest(t.db, officer.id, path), context, params: {} });
    expect((await rootData("/learn")).user).not.toBeNull();
    const offline = await rootData("/offline?reason=connection");
    expect(offline.user).toBeNull();
    expect(offline.area).toBe("offline");
    expect(offline.translations).toHaveProperty("offline.title");
  });

  it("has the browser clear the site's cache and storage (saved pages, queued completions) on sign-out", async () => {
    const officer = await makePerson(t.db);
    const response = await outcome(async () => logoutAction({ request: await signedInRequest(t.db, officer.id, "/logout", { method: "POST" }), context, params: {} }));
    expect(response.headers.get("location")).toBe("/login?notice=signed-out");
    expect(response.headers.get("clear-site-data")).toBe('"cache", "storage"');
  });
});
