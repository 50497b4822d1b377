import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sanitizeHtml from "sanitize-html";
import { POST_SANITIZE_OPTIONS } from "../../app/dialogue/render.server";
import { loadContent } from "../../app/content/load.server";
import { ensureGeneralSpaces } from "../../app/models/dialogue/spaces.server";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";
import { dangerousHtml, XSS_PAYLOADS } from "../setup/xss-payloads";

// The dialogue through its route modules, as a browser would use it: who may read, write, report
// and moderate where, what safeguarding holds, and what is stored.
let t: TestDb;
let context: AppLoadContext;
const p = {} as Record<"a1" | "a2" | "fA" | "b1" | "fB" | "admin", string>;
const space = { A: "", B: "" };

beforeAll(async () => {
  t = await openTestDb();
  context = testContext(t.db, { config: { ...testContext(t.db).config, dialoguePostsPerMinute: 100 }, content: loadContent("content/courses").catalog });
  const cohortA = await makeCohort(t.db, "Grupo A");
  const cohortB = await makeCohort(t.db, "Grupo B");
  await t.db.insertInto("cohort_courses").values({ cohort_id: cohortA, course_id: "psychological-first-aid", due_on: null }).execute();
  p.a1 = (await makePerson(t.db, { cohortId: cohortA, name: "Ana Uno" })).id;
  p.a2 = (await makePerson(t.db, { cohortId: cohortA, name: "Alba Dos" })).id;
  p.fA = (await makePerson(t.db, { role: "facilitator", cohortId: cohortA })).id;
  p.b1 = (await makePerson(t.db, { cohortId: cohortB })).id;
  p.fB = (await makePerson(t.db, { role: "facilitator", cohortId: cohortB })).id;
  p.admin = (await makePerson(t.db, { role: "admin" })).id;
  await ensureGeneralSpaces(t.db, p.a1);
  await ensureGeneralSpaces(t.db, p.b1);
  const spaces = await t.db.selectFrom("dialogue_spaces").select(["id", "key"]).execute();
  space.A = spaces.find((s) => s.key === `general:${cohortA}`)!.id;
  space.B = spaces.find((s) => s.key === `general:${cohortB}`)!.id;
});
afterAll(async () => t.close());

type Who = keyof typeof p;
const route = {
  space: () => import("../../app/routes/dialogue.$spaceId._index"),
  thread: () => import("../../app/routes/dialogue.$spaceId.$threadId/route"),
  queue: () => import("../../app/routes/facilitate._index"),
  history: () => import("../../app/routes/dialogue.$spaceId.history"),
};

async function get(who: Who, load: () => Promise<{ loader: (a: never) => unknown }>, url: string, params: Record<string, string>) {
  const { loader } = await load();
  return outcome(async () => (loader as (a: unknown) => Promise<unknown>)({ request: await signedInRequest(t.db, p[who], url), context, params }));
}
async function post(who: Who, load: () => Promise<{ action: (a: never) => unknown }>, url: string, params: Record<string, string>, form: Record<string, string>) {
  const { action } = await load();
  const init = { method: "POST", body: new URLSearchParams(form) };
  return outcome(async () => (action as (a: unknown) => Promise<unknown>)({ request: await signedInRequest(t.db, p[who], url, init), context, params }));
}

async function newThread(who: Who, spaceId: string, title: string, body: string) {
  const response = await post(who, route.space, `/dialogue/${spaceId}`, { spaceId }, { intent: "create", title, body });
  expect(response.status, await response.clone().text()).toBe(302);
  const m = /\/dialogue\/[^/]+\/([^#]+)#post-(.+)$/.exec(response.headers.get("location") ?? "")!;
  return { threadId: m[1]!, postId: m[2]! };
}

const stateOf = async (postId: string) => (await t.db.selectFrom("dialogue_posts").select(["state", "hidden_reason", "body_html"]).where("id", "=", postId).executeTakeFirstOrThrow());
const fingerprint = async () => JSON.stringify(await t.db.selectFrom("dialogue_posts").selectAll().orderBy("id").execute()) + JSON.stringify(await t.db.selectFrom("dialogue_reports").selectAll().orderBy("id").execute());

describe(`dialogue between cohorts (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("lets a member of cohort A neither read, post in nor report in cohort B's space, by link or by tampered form", async () => {
    const inB = await newThread("b1", space.B, "Tema del grupo B", "Hola desde B");
    const paramsB = { spaceId: space.B, threadId: inB.threadId };
    const urlB = `/dialogue/${space.B}/${inB.threadId}`;
    const before = await fingerprint();
    // By link.
    expect((await get("a1", route.space, `/dialogue/${space.B}`, { spaceId: space.B })).status).toBe(404);
    expect((await get("a1", route.thread, urlB, paramsB)).status).toBe(404);
    // By forms sent to B's addresses.
    expect((await post("a1", route.space, `/dialogue/${space.B}`, { spaceId: space.B }, { intent: "create", title: "Intruso", body: "no" })).status).toBe(404);
    expect((await post("a1", route.thread, urlB, paramsB, { intent: "reply", body: "no" })).status).toBe(404);
    expect((await post("a1", route.thread, urlB, paramsB, { intent: "report", postId: inB.postId, reason: "x" })).status).toBe(404);
    // By a form on A's own thread that names B's post.
    const inA = await newThread("a1", space.A, "Tema del grupo A", "Hola desde A");
    const afterOwn = await fingerprint();
    const paramsA = { spaceId: space.A, threadId: inA.threadId };
    const urlA = `/dialogue/${space.A}/${inA.threadId}`;
    expect((await post("a1", route.thread, urlA, paramsA, { intent: "report", postId: inB.postId, reason: "x" })).status).toBe(404);
    expect((await post("a1", route.thread, urlA, paramsA, { intent: "reply", parentId: inB.postId, body: "x" })).status).toBe(404);
    // A thread of A's under B's space address.
    expect((await get("a1", route.thread, `/dialogue/${space.B}/${inA.threadId}`, { spaceId: space.B, threadId: inA.threadId })).status).toBe(404);
    expect(await fingerprint()).toBe(afterOwn);
    expect(before).not.toBe(afterOwn);
  });

  it("lets a facilitator of A moderate A, and not B: from the queue, by link or by tampered form", async () => {
    const inB = await newThread("b1", space.B, "Otro tema de B", "Texto de B");
    const inA = await newThread("a1", space.A, "Otro tema de A", "Texto de A");
    const before = await stateOf(inB.postId);
    expect((await post("fA", route.queue, "/facilitate", {}, { intent: "hide", postId: inB.postId, reason: "no" })).status).toBe(404);
    expect((await post("fA", route.queue, "/facilitate", {}, { intent: "dismiss", postId: inB.postId })).status).toBe(404);
    const paramsA = { spaceId: space.A, threadId: inA.threadId };
    expect((await post("fA", route.thread, `/dialogue/${space.A}/${inA.threadId}`, paramsA, { intent: "hide", postId: inB.postId, reason: "no" })).status).toBe(404);
    expect((await post("fA", route.thread, `/dialogue/${space.B}/${inB.threadId}`, { spaceId: space.B, threadId: inB.threadId }, { intent: "lock" })).status).toBe(404);
    expect((await get("fA", route.history, `/dialogue/${space.B}/history`, { spaceId: space.B })).status).toBe(404);
    expect(await stateOf(inB.postId)).toEqual(before);
    // A member of A (not a facilitator) cannot moderate their own space either.
    expect((await post("a2", route.thread, `/dialogue/${space.A}/${inA.threadId}`, paramsA, { intent: "hide", postId: inA.postId, reason: "no" })).status).toBe(403);
    expect((await get("a2", route.history, `/dialogue/${space.A}/history`, { spaceId: space.A })).status).toBe(403);
    // …while the facilitator of A can, and it shows in the history and the audit log.
    expect((await post("fA", route.thread, `/dialogue/${space.A}/${inA.threadId}`, paramsA, { intent: "hide", postId: inA.postId, reason: "Fuera de tema" })).status).toBe(302);
    expect(await stateOf(inA.postId)).toMatchObject({ state: "hidden", hidden_reason: "Fuera de tema" });
    const history = await (await get("fA", route.history, `/dialogue/${space.A}/history`, { spaceId: space.A })).json();
    expect(history.rows[0]).toMatchObject({ action: "post.hide", reason: "Fuera de tema" });
    const audit = await t.db.selectFrom("audit_log").select(["action", "target_id"]).where("action", "=", "dialogue.post.hide").execute();
    expect(audit).toContainEqual({ action: "dialogue.post.hide", target_id: inA.postId });
  });
});

describe(`regional spaces (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("lets an admin open a space spanning two cohorts, read and moderated by both", async () => {
    const { action } = await import("../../app/routes/admin.dialogue");
    const cohorts = await t.db.selectFrom("cohorts").select(["id", "name"]).where("name", "in", ["Grupo A", "Grupo B"]).execute();
    const body = new URLSearchParams([["title", "Frontera sur"], ...cohorts.map((c) => ["cohortIds", c.id] as [string, string])]);
    const one = new URLSearchParams([["title", "Solo uno"], ["cohortIds", cohorts[0]!.id]]);
    const refused = await outcome(async () => action({ request: await signedInRequest(t.db, p.admin, "/admin/dialogue", { method: "POST", body: one }), context, params: {} }));
    expect(refused.status).toBe(400);
    const created = await outcome(async () => action({ request: await signedInRequest(t.db, p.admin, "/admin/dialogue", { method: "POST", body }), context, params: {} }));
    expect(created.status).toBe(302);
    const regional = /\/dialogue\/(.+)$/.exec(created.headers.get("location")!)![1]!;
    const { threadId, postId } = await newThread("a1", regional, "Hola desde A", "Saludos");
    const params = { spaceId: regional, threadId };
    expect((await get("b1", route.thread, `/dialogue/${regional}/${threadId}`, params)).status).toBe(200);
    expect((await post("b1", route.thread, `/dialogue/${regional}/${threadId}`, params, { intent: "reply", body: "Saludos desde B" })).status).toBe(302);
    expect((await post("fB", route.thread, `/dialogue/${regional}/${threadId}`, params, { intent: "pin" })).status).toBe(302);
    expect((await post("fA", route.queue, "/facilitate", {}, { intent: "hide", postId, reason: "Prueba" })).status).toBe(302);
  });
});

describe(`safeguarding and moderation (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("holds a post with a passport number, shows it only to its author and the facilitator, and publishes it once approved after editing", async () => {
    const held = await newThread("a1", space.A, "Caso en la garita", "Llegó una señora con pasaporte G12345678 y su hija.");
    expect((await stateOf(held.postId)).state).toBe("held");
    const params = { spaceId: space.A, threadId: held.threadId };
    const url = `/dialogue/${space.A}/${held.threadId}`;
    // Others do not see the thread yet.
    expect((await get("a2", route.thread, url, params)).status).toBe(404);
    // The author sees why, with the number marked.
    const page = await (await get("a1", route.thread, url, params)).json();
    const mine = page.posts[0];
    expect(mine.heldReason).toBe("safeguarding");
    expect(mine.marked.body.filter((s: { kind: string | null }) => s.kind)).toEqual([{ text: "G12345678", kind: "document" }]);
    // The facilitator's queue lists it.
    const queue = await (await get("fA", route.queue, "/facilitate", {})).json();
    expect(queue.queue.map((q: { id: string }) => q.id)).toContain(held.postId);
    // The author edits the number out; it stays held until approved.
    const edited = await post("a1", route.thread, url, params, { intent: "edit", postId: held.postId, version: String(mine.version), body: "Llegó una señora con su hija.", title: "Caso en la garita" });
    expect(edited.status).toBe(302);
    expect((await stateOf(held.postId)).state).toBe("held");
    const version = (await t.db.selectFrom("dialogue_posts").select("version").where("id", "=", held.postId).executeTakeFirstOrThrow()).version;
    expect((await post("fA", route.queue, "/facilitate", {}, { intent: "approve", postId: held.postId, version: String(version) })).status).toBe(302);
    expect((await stateOf(held.postId)).state).toBe("published");
    expect((await get("a2", route.thread, url, params)).status).toBe(200);
    // The author is told.
    const told = await t.db.selectFrom("notifications").select("kind").where("person_id", "=", p.a1).where("post_id", "=", held.postId).execute();
    expect(told.map((n) => n.kind)).toContain("approved");
  });

  it("lets a member report a reply and the facilitator dismiss the report, which leaves it published", async () => {
    const thread = await newThread("a1", space.A, "Preguntas", "¿Qué opinan?");
    const params = { spaceId: space.A, threadId: thread.threadId };
    const url = `/dialogue/${space.A}/${thread.threadId}`;
    const reply = await post("a1", route.thread, url, params, { intent: "reply", parentId: thread.postId, body: "Yo opino que sí." });
    const replyId = /#post-(.+)$/.exec(reply.headers.get("location")!)![1]!;
    // Reporting one's own post is refused.
    expect((await post("a1", route.thread, url, params, { intent: "report", postId: replyId, reason: "x" })).status).toBe(404);
    expect((await post("a2", route.thread, url, params, { intent: "report", postId: replyId, reason: "Lenguaje ofensivo" })).status).toBe(302);
    expect((await stateOf(replyId)).state).toBe("reported");
    const queue = await (await get("fA", route.queue, "/facilitate", {})).json();
    const item = queue.queue.find((q: { id: string }) => q.id === replyId);
    expect(item.reports.map((r: { reason: string }) => r.reason)).toEqual(["Lenguaje ofensivo"]);
    expect(item.parent_html).toContain("¿Qué opinan?");
    expect((await post("fA", route.queue, "/facilitate", {}, { intent: "dismiss", postId: replyId })).status).toBe(302);
    expect((await stateOf(replyId)).state).toBe("published");
    const open = await t.db.selectFrom("dialogue_reports").select("id").where("post_id", "=", replyId).where("resolved_at", "is", null).execute();
    expect(open).toEqual([]);
  });

  it("keeps what was typed and says why when a member posts too fast", async () => {
    const slow = { ...context, config: { ...context.config, dialoguePostsPerMinute: 2 } };
    const { action } = await route.space();
    const send = async (title: string) =>
      outcome(async () => action({ request: await signedInRequest(t.db, p.a2, `/dialogue/${space.A}`, { method: "POST", body: new URLSearchParams({ intent: "create", title, body: "Un texto largo que no quiero perder" }) }), context: slow, params: { spaceId: space.A } }));
    expect((await send("Uno")).status).toBe(302);
    expect((await send("Dos")).status).toBe(302);
    const refused = await send("Tres");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: { form: "dialogue.errors.tooFast" }, values: { title: "Tres", body: "Un texto largo que no quiero perder" } });
  });

  it("refuses an edit after the space's edit window, and marks an edit within it", async () => {
    const thread = await newThread("a1", space.A, "Ventana de edición", "Primera versión");
    const params = { spaceId: space.A, threadId: thread.threadId };
    const url = `/dialogue/${space.A}/${thread.threadId}`;
    expect((await post("a1", route.thread, url, params, { intent: "edit", postId: thread.postId, version: "1", body: "Segunda versión" })).status).toBe(302);
    const row = await t.db.selectFrom("dialogue_posts").select(["edited_at", "body_html", "version"]).where("id", "=", thread.postId).executeTakeFirstOrThrow();
    expect(row.edited_at).not.toBeNull();
    expect(row.body_html).toContain("Segunda versión");
    await t.db.updateTable("dialogue_posts").set({ created_at: new Date(Date.now() - 31 * 60_000) }).where("id", "=", thread.postId).execute();
    const late = await post("a1", route.thread, url, params, { intent: "edit", postId: thread.postId, version: String(row.version), body: "Tercera" });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ errors: { form: "dialogue.errors.editWindow" }, values: { body: "Tercera" } });
  });

  it("pages a long thread and brings the writer back to the page of their new post", async () => {
    const thread = await newThread("a1", space.A, "Hilo largo", "Primero");
    const base = Date.now() - 3_600_000;
    await t.db
      .insertInto("dialogue_posts")
      .values(Array.from({ length: 20 }, (_, i) => ({ thread_id: thread.threadId, parent_id: null, author_id: p.a2, body_source: `n${i}`, body_html: `<p>n${i}</p>`, state: "published" as const, published_at: new Date(base + i * 1000), created_at: new Date(base + i * 1000) })))
      .execute();
    const params = { spaceId: space.A, threadId: thread.threadId };
    const url = `/dialogue/${space.A}/${thread.threadId}`;
    const first = await (await get("a2", route.thread, url, params)).json();
    expect(first).toMatchObject({ page: 1, total: 21 });
    expect(first.posts.filter((x: { parentId: string | null }) => x.parentId === null)).toHaveLength(20);
    const replied = await post("a1", route.thread, `${url}?reply=${thread.postId}`, params, { intent: "reply", body: "La última" });
    expect(replied.headers.get("location")).toMatch(new RegExp(`^${url}\\?page=2#post-`));
    const second = await (await get("a2", route.thread, `${url}?page=2`, params)).json();
    expect(second.posts.map((x: { html: string }) => x.html)).toContain("<p>La última</p>");
  });

  it("leaves a removed placeholder when the author deletes a post", async () => {
    const thread = await newThread("a1", space.A, "Para borrar", "Me equivoqué de grupo");
    const params = { spaceId: space.A, threadId: thread.threadId };
    const url = `/dialogue/${space.A}/${thread.threadId}`;
    expect((await post("a2", route.thread, url, params, { intent: "delete", postId: thread.postId })).status).toBe(404);
    expect((await post("a1", route.thread, url, params, { intent: "delete", postId: thread.postId })).status).toBe(302);
    const page = await (await get("a2", route.thread, url, params)).json();
    expect(page.posts[0]).toMatchObject({ state: "removed", html: null });
    expect((await stateOf(thread.postId)).body_html).toBe("");
  });

  it("holds a member's first posts when the space's facilitator asks for it", async () => {
    expect((await post("a1", route.space, `/dialogue/${space.A}`, { spaceId: space.A }, { intent: "settings", editWindowMinutes: "30", holdFirstPosts: "3" })).status).toBe(403);
    expect((await post("fA", route.space, `/dialogue/${space.A}`, { spaceId: space.A }, { intent: "settings", editWindowMinutes: "30", holdFirstPosts: "1" })).status).toBe(302);
    const newcomer = (await makePerson(t.db, { cohortId: (await t.db.selectFrom("cohort_members").select("cohort_id").where("person_id", "=", p.a1).executeTakeFirstOrThrow()).cohort_id })).id;
    const first = await outcome(async () =>
      (await route.space()).action({ request: await signedInRequest(t.db, newcomer, `/dialogue/${space.A}`, { method: "POST", body: new URLSearchParams({ intent: "create", title: "Hola a todos", body: "Soy nueva en el grupo." }) }), context, params: { spaceId: space.A } }),
    );
    const firstId = /#post-(.+)$/.exec(first.headers.get("location")!)![1]!;
    expect(await t.db.selectFrom("dialogue_posts").select(["state", "held_reason"]).where("id", "=", firstId).executeTakeFirstOrThrow()).toEqual({ state: "held", held_reason: "first-posts" });
    // Members who already wrote there are not held.
    const later = await newThread("a1", space.A, "Sin retención", "Texto");
    expect((await stateOf(later.postId)).state).toBe("published");
    const history = await (await get("fA", route.history, `/dialogue/${space.A}/history`, { spaceId: space.A })).json();
    expect(history.rows.map((r: { action: string }) => r.action)).toContain("space.settings");
    expect((await post("fA", route.space, `/dialogue/${space.A}`, { spaceId: space.A }, { intent: "settings", editWindowMinutes: "30", holdFirstPosts: "0" })).status).toBe(302);
  });

  it("stops a muted member from writing in the space until the mute ends", async () => {
    const thread = await newThread("a2", space.A, "Tema de Alba", "Hola");
    const params = { spaceId: space.A, threadId: thread.threadId };
    const url = `/dialogue/${space.A}/${thread.threadId}`;
    expect((await post("fA", route.thread, url, params, { intent: "mute", personId: p.a2, days: "1" })).status).toBe(302);
    const refused = await post("a2", route.thread, url, params, { intent: "reply", body: "¿Me oyen?" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors.form).toBe("dialogue.errors.muted");
    await t.db.deleteFrom("dialogue_mutes").execute();
  });
});

describe(`stored HTML of posts (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it(`keeps none of ${XSS_PAYLOADS.length} script payloads in posts, and titles stay plain text`, async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
    const problems: string[] = [];
    for (const payload of XSS_PAYLOADS) {
      const { threadId, postId } = await newThread("fA", space.A, payload.slice(0, 150), `Antes ${payload} después`);
      const row = await t.db.selectFrom("dialogue_posts").select(["body_html", "body_source"]).where("id", "=", postId).executeTakeFirstOrThrow();
      expect(row.body_source).toContain(payload);
      for (const problem of dangerousHtml(row.body_html)) problems.push(`${payload} → ${problem}`);
      const thread = await t.db.selectFrom("dialogue_threads").select("title").where("id", "=", threadId).executeTakeFirstOrThrow();
      expect(thread.title).toBe(payload.slice(0, 150));
    }
    expect(problems).toEqual([]);
  });

  it("stops every payload with the sanitiser alone, as if the Markdown step had let raw HTML through", () => {
    const problems = XSS_PAYLOADS.flatMap((payload) => dangerousHtml(sanitizeHtml(payload, POST_SANITIZE_OPTIONS)).map((p) => `${payload} → ${p}`));
    expect(problems).toEqual([]);
  });
});

describe(`course discussion items (${process.env.SENDERO_TEST_ENGINE})`, () => {
  const ITEM = { courseId: "psychological-first-aid", itemId: "foundations-dialogue" };
  const itemUrl = `/learn/${ITEM.courseId}/${ITEM.itemId}`;
  const item = () => import("../../app/routes/learn.$courseId.$itemId/route");
  const done = async (who: Who) =>
    (await t.db.selectFrom("item_progress").select("completed_at").where("person_id", "=", p[who]).where("course_id", "=", ITEM.courseId).where("item_id", "=", ITEM.itemId).executeTakeFirst())?.completed_at ?? null;

  it("is done once the officer has a published post in the cohort's thread, a held one once it is approved", async () => {
    const page = await (await get("a1", item, itemUrl, ITEM)).json();
    expect(page.discussion.prompt).toContain("Piense en una persona");
    const [, spaceId, threadId] = /^\/dialogue\/([^/]+)\/(.+)$/.exec(page.discussion.path)!;
    const params = { spaceId: spaceId!, threadId: threadId! };
    // The same thread for a colleague of the same cohort; the thread page shows the prompt.
    expect((await (await get("a2", item, itemUrl, ITEM)).json()).discussion.path).toBe(page.discussion.path);
    const thread = await (await get("a1", route.thread, page.discussion.path, params)).json();
    expect(thread.discussion.prompt).toContain("Piense en una persona");
    // The item cannot be ticked off without posting.
    expect((await post("a1", item, itemUrl, ITEM, {})).status).toBe(409);
    expect(await done("a1")).toBeNull();
    // A held post does not count until it is approved.
    const held = await post("a1", route.thread, page.discussion.path, params, { intent: "reply", body: "Le pedí su teléfono 55 1234 5678 para seguimiento." });
    const heldId = /#post-(.+)$/.exec(held.headers.get("location")!)![1]!;
    expect((await stateOf(heldId)).state).toBe("held");
    expect(await done("a1")).toBeNull();
    const version = (await t.db.selectFrom("dialogue_posts").select("version").where("id", "=", heldId).executeTakeFirstOrThrow()).version;
    expect((await post("fA", route.queue, "/facilitate", {}, { intent: "approve", postId: heldId, version: String(version) })).status).toBe(302);
    expect(await done("a1")).not.toBeNull();
    // A clean post counts at once.
    expect((await post("a2", route.thread, page.discussion.path, params, { intent: "reply", body: "Le ofrecí agua y un lugar tranquilo." })).status).toBe(302);
    expect(await done("a2")).not.toBeNull();
    // Cohort B's members discuss the same item in a thread of their own.
    await t.db.insertInto("cohort_courses").values({ cohort_id: (await t.db.selectFrom("cohort_members").select("cohort_id").where("person_id", "=", p.b1).executeTakeFirstOrThrow()).cohort_id, course_id: ITEM.courseId, due_on: null }).execute();
    const other = await (await get("b1", item, itemUrl, ITEM)).json();
    expect(other.discussion.path).not.toBe(page.discussion.path);
    expect((await get("b1", route.thread, page.discussion.path, params)).status).toBe(404);
  });
});
