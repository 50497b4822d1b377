import type { AppLoadContext } from "@remix-run/node";
import { rmSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Course } from "../../app/content/model";
import { offlineLessonToken } from "../../app/models/learning/offline-completion.server";
import { action as itemAction, loader as itemLoader } from "../../app/routes/learn.$courseId.$itemId/route";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makePerson } from "../setup/factories";
import { OFFLINE_COURSE, offlineCourse } from "../setup/offline-course";
import { openTestDb, type TestDb } from "../setup/test-db";

// Issue 19: a lesson saved on the device and marked done without a connection. Saving records
// no view; the saved form's one-time token lets the completion, sent days later, keep the time
// it was marked done (kept between the save and its arrival), once however often it is sent.
// A token that is not this person's for this lesson never loses the completion, and never
// backdates it.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let t: TestDb;
let root = "";
let course: Course;
let context: AppLoadContext;
beforeAll(async () => {
  t = await openTestDb();
  ({ root, course } = offlineCourse());
  context = testContext(t.db, { content: { courses: new Map([[OFFLINE_COURSE, course]]) } });
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await t.close();
});

const SAVE = { "Sendero-Offline-Save": "1" };
const params = (itemId: string) => ({ courseId: OFFLINE_COURSE, itemId });
const url = (itemId: string) => `/learn/${OFFLINE_COURSE}/${itemId}`;

async function page(personId: string, itemId: string, headers: Record<string, string> = {}) {
  const response = await outcome(async () => itemLoader({ request: await signedInRequest(t.db, personId, url(itemId), { headers }), context, params: params(itemId) }));
  return { response, data: (await response.json()) as Record<string, unknown> & { offline?: { token: string; next: string | null } } };
}

/** The lesson's "done, next" form as sent: at once, or from the device's queue with its fields. */
async function markDone(personId: string, itemId: string, fields: Record<string, string> = {}) {
  const body = new URLSearchParams({ _csrf: "test-csrf", ...fields });
  const response = await outcome(async () => itemAction({ request: await signedInRequest(t.db, personId, url(itemId), { method: "POST", body }), context, params: params(itemId) }));
  return { status: response.status, location: response.headers.get("location"), body: response.status === 409 ? await response.json() : null };
}

const tokenFor = (personId: string, itemId: string, issuedAt: Date) => offlineLessonToken(t.db, { personId, courseId: OFFLINE_COURSE, itemId }, issuedAt);
const ago = (ms: number) => new Date(Date.now() - ms);

const progressOf = async (personId: string, itemId: string) =>
  t.db.selectFrom("item_progress").select(["completed_at", "seconds_spent"]).where("person_id", "=", personId).where("course_id", "=", OFFLINE_COURSE).where("item_id", "=", itemId).executeTakeFirst();
const eventsOf = async (personId: string, verb: string, objectId = "") =>
  t.db
    .selectFrom("learning_events")
    .select(["object_id", "timestamp", "result"])
    .where("actor_id", "=", personId)
    .where("verb", "=", verb)
    .$if(objectId !== "", (q) => q.where("object_id", "=", objectId))
    .orderBy("timestamp")
    .execute();
const acceptedTokens = async (personId: string) => t.db.selectFrom("offline_completions").select(["item_id", "completed_at"]).where("person_id", "=", personId).execute();

/** Asserts a time was taken on the server during the test step that began at `since`. */
const expectServerTime = (time: Date | null | undefined, since: number) => {
  expect(time).toBeInstanceOf(Date);
  expect(time!.getTime()).toBeGreaterThanOrEqual(since - 1_000);
  expect(time!.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
};

describe(`a lesson saved for reading offline (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("records no view when saved, and its data carries a token and the next page; without the header the page is as before", async () => {
    const officer = await makePerson(t.db);
    const saved = await page(officer.id, "one", SAVE);
    expect(saved.response.status).toBe(200);
    expect(saved.response.headers.get("cache-control")).toBe("private, no-store");
    expect(saved.data.offline).toEqual({ token: expect.stringMatching(/^o1\.[\w-]+\.[\w-]+$/), next: url("two") });
    expect(await eventsOf(officer.id, "experienced")).toEqual([]);
    expect(await progressOf(officer.id, "one")).toBeUndefined();
    expect(saved.data.item).toMatchObject({ id: "one", state: "available" });

    // Each save gives another token; the last lesson leads to the course page.
    expect((await page(officer.id, "one", SAVE)).data.offline?.token).not.toBe(saved.data.offline?.token);
    expect((await page(officer.id, "three", SAVE)).data.offline?.next).toBe(`/learn/${OFFLINE_COURSE}`);

    const opened = await page(officer.id, "one");
    expect(opened.response.headers.get("cache-control")).toBeNull();
    expect("offline" in opened.data).toBe(false);
    expect(Object.keys(opened.data).sort()).toEqual(Object.keys(saved.data).filter((k) => k !== "offline").sort());
    expect(await eventsOf(officer.id, "experienced")).toHaveLength(1);
    expect(opened.data.item).toMatchObject({ id: "one", state: "in-progress" });
  });

  it("only lessons are saved this way: another kind's page with the header is its usual page", async () => {
    const officer = await makePerson(t.db);
    const discussion = await page(officer.id, "talk", SAVE);
    expect(discussion.response.status).toBe(200);
    expect("offline" in discussion.data).toBe(false);
    expect(discussion.response.headers.get("cache-control")).toBeNull();
  });
});

describe(`a completion queued on the device (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("is stored with the time it was marked done, and sent twice it is recorded once", async () => {
    const officer = await makePerson(t.db);
    const token = await tokenFor(officer.id, "one", ago(3 * HOUR));
    const markedAt = ago(2 * HOUR);
    const first = await markDone(officer.id, "one", { offlineToken: token, offlineNext: url("two"), completedAt: markedAt.toISOString() });
    expect(first).toMatchObject({ status: 302, location: url("two") });
    const again = await markDone(officer.id, "one", { offlineToken: token, offlineNext: url("two"), completedAt: markedAt.toISOString() });
    expect(again).toEqual(first);

    expect((await progressOf(officer.id, "one"))?.completed_at).toEqual(markedAt);
    const completed = await eventsOf(officer.id, "completed");
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ object_id: `${OFFLINE_COURSE}/one`, timestamp: markedAt });
    expect(await acceptedTokens(officer.id)).toEqual([{ item_id: "one", completed_at: markedAt }]);
  });

  it("two lessons marked done offline reach the server once each, in the order they were done", async () => {
    const officer = await makePerson(t.db);
    const savedAt = ago(5 * HOUR);
    const queue = [
      { itemId: "one", token: await tokenFor(officer.id, "one", savedAt), completedAt: ago(4 * HOUR) },
      { itemId: "two", token: await tokenFor(officer.id, "two", savedAt), completedAt: ago(4 * HOUR - 10 * MINUTE) },
    ];
    // The device replays its queue, and (the answer lost) replays it again.
    for (const round of [1, 2]) {
      for (const q of queue) expect((await markDone(officer.id, q.itemId, { offlineToken: q.token, completedAt: q.completedAt.toISOString() })).status, `round ${round}`).toBe(302);
    }
    const completed = await eventsOf(officer.id, "completed");
    expect(completed.map((e) => [e.object_id, e.timestamp])).toEqual(queue.map((q) => [`${OFFLINE_COURSE}/${q.itemId}`, q.completedAt]));
    expect(await acceptedTokens(officer.id)).toHaveLength(2);
  });

  it("counts the time on the lesson from its last view on the server to when it was marked done", async () => {
    const officer = await makePerson(t.db);
    await page(officer.id, "one");
    await sql`update item_progress set last_viewed_at = ${ago(150 * MINUTE)} where person_id = ${officer.id}`.execute(t.db);
    const token = await tokenFor(officer.id, "one", ago(140 * MINUTE));
    await markDone(officer.id, "one", { offlineToken: token, completedAt: ago(120 * MINUTE).toISOString() });
    const progress = await progressOf(officer.id, "one");
    expect(progress?.seconds_spent).toBeGreaterThanOrEqual(1799);
    expect(progress?.seconds_spent).toBeLessThanOrEqual(1801);
    expect((await eventsOf(officer.id, "completed"))[0]?.result).toMatchObject({ duration: `PT${progress?.seconds_spent}S` });
  });

  it("keeps a time before the page was saved at the save, and a time in the future at its arrival", async () => {
    const officer = await makePerson(t.db);
    const savedAt = ago(HOUR);
    await markDone(officer.id, "one", { offlineToken: await tokenFor(officer.id, "one", savedAt), completedAt: ago(5 * HOUR).toISOString() });
    expect((await progressOf(officer.id, "one"))?.completed_at).toEqual(savedAt);

    const since = Date.now();
    await markDone(officer.id, "two", { offlineToken: await tokenFor(officer.id, "two", savedAt), completedAt: new Date(Date.now() + 24 * HOUR).toISOString() });
    expectServerTime((await progressOf(officer.id, "two"))?.completed_at, since);
  });

  it("completes the course at the time its last lesson was marked done", async () => {
    const officer = await makePerson(t.db);
    await markDone(officer.id, "one");
    await markDone(officer.id, "two");
    const markedAt = ago(30 * MINUTE);
    const last = await markDone(officer.id, "three", { offlineToken: await tokenFor(officer.id, "three", ago(HOUR)), completedAt: markedAt.toISOString() });
    expect(last).toMatchObject({ status: 302, location: `/learn/${OFFLINE_COURSE}?completed=1` });
    const row = await t.db.selectFrom("course_progress").select("completed_at").where("person_id", "=", officer.id).where("course_id", "=", OFFLINE_COURSE).executeTakeFirstOrThrow();
    expect(row.completed_at).toEqual(markedAt);
    expect((await eventsOf(officer.id, "completed", OFFLINE_COURSE))[0]?.timestamp).toEqual(markedAt);
  });

  it("with a valid token but no time, completes now, as a form sent at once", async () => {
    const officer = await makePerson(t.db);
    const since = Date.now();
    expect((await markDone(officer.id, "one", { offlineToken: await tokenFor(officer.id, "one", ago(HOUR)) })).status).toBe(302);
    expectServerTime((await progressOf(officer.id, "one"))?.completed_at, since);
    expect(await acceptedTokens(officer.id)).toHaveLength(1);
  });
});

describe(`a queued completion from another person's session (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("is refused and records nothing for either person (a queue left on a shared computer)", async () => {
    const [officer, other] = [await makePerson(t.db), await makePerson(t.db)];
    const sent = await markDone(officer.id, "one", { offlineToken: await tokenFor(other.id, "one", ago(3 * HOUR)), completedAt: ago(2 * HOUR).toISOString() });
    expect(sent.status).toBe(409);
    expect(await progressOf(officer.id, "one")).toBeUndefined();
    expect(await eventsOf(officer.id, "completed")).toEqual([]);
    expect(await progressOf(other.id, "one")).toBeUndefined();
  });
});

describe(`a queued completion whose token cannot be trusted (${process.env.SENDERO_TEST_ENGINE})`, () => {
  const cases: [string, (personId: string, otherId: string) => Promise<string>][] = [
    ["forged", async () => "o1.eyJmb3JnZWQiOnRydWV9.c2lnbmF0dXJl"],
    ["altered", async (personId) => `${(await tokenFor(personId, "one", ago(3 * HOUR))).slice(0, -2)}AA`],
    ["another lesson's", async (personId) => tokenFor(personId, "three", ago(3 * HOUR))],
    ["expired (31 days old)", async (personId) => tokenFor(personId, "one", ago(31 * 24 * HOUR))],
  ];
  for (const [name, make] of cases) {
    it(`${name}: the lesson is completed at the server's time, never backdated`, async () => {
      const [officer, other] = [await makePerson(t.db), await makePerson(t.db)];
      const since = Date.now();
      const sent = await markDone(officer.id, "one", { offlineToken: await make(officer.id, other.id), completedAt: ago(2 * HOUR).toISOString() });
      expect(sent).toMatchObject({ status: 302, location: url("two") });
      expectServerTime((await progressOf(officer.id, "one"))?.completed_at, since);
      expect(await eventsOf(officer.id, "completed")).toHaveLength(1);
      expect(await acceptedTokens(officer.id)).toEqual([]);
      expect(await progressOf(other.id, "one")).toBeUndefined();
    });
  }
});

describe(`a queued completion meeting what changed meanwhile (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("refuses a lesson that is locked, as today, and stores nothing: the same form is accepted once it opens", async () => {
    const officer = await makePerson(t.db);
    const queued = { offlineToken: await tokenFor(officer.id, "two", ago(2 * HOUR)), completedAt: ago(HOUR).toISOString() };
    const refused = await markDone(officer.id, "two", queued);
    expect(refused).toMatchObject({ status: 409, body: { error: "lesson.lockedNotSaved" } });
    expect(await progressOf(officer.id, "two")).toBeUndefined();
    expect(await acceptedTokens(officer.id)).toEqual([]);

    await markDone(officer.id, "one");
    expect((await markDone(officer.id, "two", queued)).status).toBe(302);
    expect((await progressOf(officer.id, "two"))?.completed_at).toEqual(new Date(queued.completedAt));
  });

  it("records no second completion of a lesson done online in the meantime", async () => {
    const officer = await makePerson(t.db);
    const token = await tokenFor(officer.id, "one", ago(2 * HOUR));
    await markDone(officer.id, "one");
    const onlineAt = (await progressOf(officer.id, "one"))?.completed_at;
    const replay = await markDone(officer.id, "one", { offlineToken: token, completedAt: ago(HOUR).toISOString() });
    expect(replay).toMatchObject({ status: 302, location: url("two") });
    expect((await progressOf(officer.id, "one"))?.completed_at).toEqual(onlineAt);
    expect(await eventsOf(officer.id, "completed")).toHaveLength(1);
  });
});
