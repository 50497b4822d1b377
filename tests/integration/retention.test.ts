import type { AppLoadContext } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRetention, applyRetentionIfDue } from "../../app/models/privacy/retention.server";
import { retentionPolicy, saveRetentionPolicy, type RetentionPolicy } from "../../app/models/privacy/retention-policy.server";
import { action, loader } from "../../app/routes/admin.retention";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

// The retention job (issue 21): seeded rows a day on each side of every cutoff; a run deletes
// exactly those past it, a policy of nulls deletes nothing, and the admin page changes the policy.
const NOW = new Date("2026-12-07T12:00:00Z");
const DAYS = 30;
const CUTOFF = new Date(NOW.getTime() - DAYS * 86_400_000);
const before = new Date(CUTOFF.getTime() - 86_400_000);
const after = new Date(CUTOFF.getTime() + 86_400_000);
const day = (d: Date) => d.toISOString().slice(0, 10);
const COURSE = "course-kept";
const OTHER_COURSE = "course-other";
const KEEP_ALL: RetentionPolicy = { dialoguePostDays: null, sessionDays: null, auditDays: null, learningEventDays: null };
const THIRTY: RetentionPolicy = { dialoguePostDays: DAYS, sessionDays: DAYS, auditDays: DAYS, learningEventDays: DAYS };

let t: TestDb;
let context: AppLoadContext;
let admin = "";
const people: Record<string, string> = {};
const threads: Record<string, string> = {};

async function cohort(opts: { closedAt: Date | null; endsOn: string | null; courses?: string[] }) {
  const id = await makeCohort(t.db);
  await t.db.updateTable("cohorts").set({ closed_at: opts.closedAt, ends_on: opts.endsOn }).where("id", "=", id).execute();
  for (const course of opts.courses ?? [COURSE]) await t.db.insertInto("cohort_courses").values({ cohort_id: id, course_id: course }).execute();
  return id;
}

async function personIn(name: string, cohorts: string[]) {
  const id = (await makePerson(t.db, { name })).id;
  for (const c of cohorts) await t.db.insertInto("cohort_members").values({ cohort_id: c, person_id: id, role: "officer" }).execute();
  people[name] = id;
  await t.db
    .insertInto("learning_events")
    .values([
      { actor_id: id, verb: "experienced", object_type: "lesson", object_id: `${COURSE}/a`, context: JSON.stringify({ course: COURSE }), timestamp: before },
      { actor_id: id, verb: "experienced", object_type: "lesson", object_id: `${OTHER_COURSE}/a`, context: JSON.stringify({ course: OTHER_COURSE }), timestamp: before },
      { actor_id: id, verb: "responded", object_type: "session", object_id: "x", context: null, timestamp: before },
    ])
    .execute();
}

async function thread(name: string, lastPostAt: Date) {
  const space = await t.db.insertInto("dialogue_spaces").values({ kind: "general", title: `Espacio ${name}` }).returning("id").executeTakeFirstOrThrow();
  const row = await t.db.insertInto("dialogue_threads").values({ space_id: space.id, author_id: admin, title: name, created_at: before, last_post_at: lastPostAt }).returning("id").executeTakeFirstOrThrow();
  const post = { thread_id: row.id, author_id: admin, body_source: "hola", body_html: "<p>hola</p>", state: "published" as const, created_at: before };
  const first = await t.db.insertInto("dialogue_posts").values({ ...post, opens_thread: true }).returning("id").executeTakeFirstOrThrow();
  const reply = await t.db.insertInto("dialogue_posts").values({ ...post, parent_id: first.id, created_at: lastPostAt }).returning("id").executeTakeFirstOrThrow();
  await t.db.insertInto("dialogue_reports").values({ post_id: reply.id, reporter_id: admin, reason: "spam" }).execute();
  threads[name] = row.id;
}

const session = (name: string, expiresAt: Date, revokedAt: Date | null, personId: string) =>
  t.db.insertInto("sessions").values({ id_hash: `${name}-${randomBytes(6).toString("hex")}`, person_id: personId, expires_at: expiresAt, revoked_at: revokedAt, user_agent: name }).execute();

async function snapshot() {
  const events = await t.db.selectFrom("learning_events").innerJoin("people", "people.id", "learning_events.actor_id").select(["people.display_name as who", "learning_events.context"]).execute();
  return {
    threads: (await t.db.selectFrom("dialogue_threads").select("title").orderBy("title").execute()).map((r) => r.title),
    posts: Number((await t.db.selectFrom("dialogue_posts").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n),
    sessions: (await t.db.selectFrom("sessions").select("user_agent").where("user_agent", "like", "s-%").orderBy("user_agent").execute()).map((r) => r.user_agent),
    audit: (await t.db.selectFrom("audit_log").select("action").where("action", "like", "test.%").orderBy("action").execute()).map((r) => r.action),
    events: events
      .filter((e) => Object.hasOwn(people, e.who))
      .map((e) => `${e.who}:${(e.context as { course?: string } | null)?.course ?? "-"}`)
      .sort(),
  };
}

beforeAll(async () => {
  t = await openTestDb();
  context = testContext(t.db);
  admin = (await makePerson(t.db, { role: "admin" })).id;

  await thread("old thread", before);
  await thread("recent thread", after);

  await session("s-expired-before", before, null, admin);
  await session("s-expired-after", after, null, admin);
  await session("s-revoked-before", new Date(NOW.getTime() + 86_400_000), before, admin);
  await session("s-revoked-after", new Date(NOW.getTime() + 86_400_000), after, admin);

  await t.db.insertInto("audit_log").values([
    { actor_id: admin, action: "test.old", at: before },
    { actor_id: admin, action: "test.recent", at: after },
  ]).execute();

  const endedLongAgo = await cohort({ closedAt: before, endsOn: day(before) });
  const endedRecently = await cohort({ closedAt: before, endsOn: day(after) });
  const closedWithoutEnd = await cohort({ closedAt: before, endsOn: null });
  const open = await cohort({ closedAt: null, endsOn: null });
  const pastEndNotClosed = await cohort({ closedAt: null, endsOn: day(before) });
  await personIn("ended", [endedLongAgo]);
  await personIn("ended-and-open", [endedLongAgo, open]);
  await personIn("ended-and-recent", [endedLongAgo, endedRecently]);
  await personIn("recent", [endedRecently]);
  await personIn("closed-no-end", [closedWithoutEnd]);
  await personIn("not-closed", [pastEndNotClosed]);
  await personIn("no-cohort", []);
});
afterAll(async () => t.close());

describe("the retention job", () => {
  it("deletes nothing under a policy of nulls, and records the run", async () => {
    await saveRetentionPolicy(t.db, { actorId: admin }, KEEP_ALL);
    const start = await snapshot();
    const deleted = await t.db.transaction().execute((trx) => applyRetention(trx, NOW));
    expect(deleted).toEqual({ threads: 0, posts: 0, sessions: 0, auditEntries: 0, learningEvents: 0 });
    expect(await snapshot()).toEqual(start);
    expect(await t.db.selectFrom("retention_runs").select("deleted").execute()).toHaveLength(1);
  });

  it("deletes exactly the rows past each cutoff", async () => {
    await saveRetentionPolicy(t.db, { actorId: admin }, THIRTY);
    const start = await snapshot();
    const deleted = await t.db.transaction().execute((trx) => applyRetention(trx, NOW));
    const end = await snapshot();

    expect(end.threads).toEqual(start.threads.filter((title) => title !== "old thread"));
    expect(end.posts).toBe(start.posts - 2);
    expect(await t.db.selectFrom("dialogue_reports").select("id").execute()).toHaveLength(1);
    expect(end.sessions).toEqual(["s-expired-after", "s-revoked-after"]);
    expect(end.audit).toEqual(["test.recent"]);
    // Only the course of the ended cohorts, only for people with no open or recently ended cohort of it.
    const gone = ["ended:course-kept", "closed-no-end:course-kept"];
    expect(end.events).toEqual(start.events.filter((e) => !gone.includes(e)));
    expect(start.events).toEqual(expect.arrayContaining(gone));
    expect(deleted).toEqual({ threads: 1, posts: 2, sessions: 2, auditEntries: 1, learningEvents: 2 });

    const line = await t.db.selectFrom("audit_log").select("details").where("action", "=", "retention.applied").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(line.details).toMatchObject({ deleted, policy: THIRTY });
  });

  it("runs once a day however often it is asked", async () => {
    await t.db.deleteFrom("retention_runs").execute();
    const first = await applyRetentionIfDue(t.db, NOW);
    expect(first).not.toBeNull();
    expect(await applyRetentionIfDue(t.db, new Date(NOW.getTime() + 23 * 3_600_000))).toBeNull();
    expect(await applyRetentionIfDue(t.db, new Date(NOW.getTime() + 24 * 3_600_000))).not.toBeNull();
  });
});

describe("the retention page", () => {
  const post = async (fields: Record<string, string>) => signedInRequest(t.db, admin, "/admin/retention", { method: "POST", body: new URLSearchParams({ intent: "save", ...fields }) });

  it("refuses periods that are not whole days within bounds, keeping what was typed", async () => {
    await saveRetentionPolicy(t.db, { actorId: admin }, { ...KEEP_ALL, sessionDays: 90 });
    const refused = await outcome(async () => action({ request: await post({ dialoguePostDays: "1.5", sessionDays: "0", auditDays: "4000", learningEventDays: "" }), context, params: {} }));
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.errors).toEqual({ dialoguePostDays: "retention.wholeDays", sessionDays: "retention.outOfRange", auditDays: "retention.outOfRange" });
    expect(body.values).toMatchObject({ dialoguePostDays: "1.5", sessionDays: "0", auditDays: "4000" });
    expect((await retentionPolicy(t.db)).sessionDays).toBe(90);
  });

  it("saves a policy (blank: kept forever) and shows it with the last and next run", async () => {
    const saved = await outcome(async () => action({ request: await post({ dialoguePostDays: " 365 ", sessionDays: "90", auditDays: "", learningEventDays: "730" }), context, params: {} }));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/admin/retention?saved=1");
    const page = await (await outcome(async () => loader({ request: await signedInRequest(t.db, admin, "/admin/retention"), context, params: {} }))).json();
    expect(page.policy).toMatchObject({ dialoguePostDays: 365, sessionDays: 90, auditDays: null, learningEventDays: 730 });
    expect(page.last).not.toBeNull();
    expect(new Date(page.next).getTime()).toBe(new Date(page.last.ranAt).getTime() + 86_400_000);
    expect(await t.db.selectFrom("audit_log").select("action").where("action", "=", "retention.policy-changed").execute()).not.toHaveLength(0);
  });
});
