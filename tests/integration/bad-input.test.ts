import type { AppLoadContext } from "@remix-run/node";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import { createGeneralSpace } from "../../app/models/dialogue/spaces.server";
import { createInvitation } from "../../app/models/invitation.server";
import { createPasswordReset } from "../../app/models/password-reset.server";
import { progressCourse } from "../../app/content/progress-course";
import { completeItem } from "../../app/models/learning/item-progress.server";
import { outcome, signedInRequest, anonymousRequest, testContext } from "../setup/context";
import { makeCohort, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

// Malformed, oversized, wrong-typed and missing fields sent to every action that takes input:
// the answer is always a 4xx (or the page again), never a 500, and the database is unchanged.
let t: TestDb;
let context: AppLoadContext;
const tokens = { join: "", reset: "" };
const dialogue = { space: "", thread: "" };
let admin = "";
let officer = "";

beforeAll(async () => {
  t = await openTestDb();
  context = testContext(t.db, { content: loadContent("content/courses").catalog });
  const cohort = await makeCohort(t.db);
  admin = (await makePerson(t.db, { role: "admin" })).id;
  officer = (await makePerson(t.db, { cohortId: cohort })).id;
  tokens.join = (await createInvitation(t.db, { cohortId: cohort, role: "officer", email: null, note: null, createdBy: admin, validForMs: 86_400_000 })).token;
  tokens.reset = (await createPasswordReset(t.db, officer, admin, 86_400_000)).token;
  // The scenario of the second module must be open to reach its action's checks.
  const children = context.content.courses.get("unaccompanied-children")!;
  for (const item of children.modules[0]!.items) {
    await t.db.transaction().execute((trx) => completeItem(trx, officer, { ...progressCourse(children), id: children.id }, item.id, item.kind));
  }
  dialogue.space = await createGeneralSpace(t.db, cohort, "Grupo");
  dialogue.thread = (await t.db.insertInto("dialogue_threads").values({ space_id: dialogue.space, author_id: officer, title: "Tema" }).returning("id").executeTakeFirstOrThrow()).id;
  await t.db
    .insertInto("dialogue_posts")
    .values({ thread_id: dialogue.thread, parent_id: null, author_id: officer, opens_thread: true, body_source: "Hola", body_html: "<p>Hola</p>", state: "published" })
    .execute();
});
afterAll(async () => t.close());

const TABLES = [
  "people", "cohorts", "credentials", "role_grants", "cohort_members", "invitations", "password_resets", "audit_log", "learning_events", "item_progress", "quiz_states", "scenario_states", "certificates", "login_throttles",
  "dialogue_threads", "dialogue_posts", "dialogue_reports", "dialogue_follows", "dialogue_mutes", "dialogue_moderation_log", "notifications",
];

/** A fingerprint of every table's content. */
async function fingerprint(): Promise<string> {
  const parts = await Promise.all(
    TABLES.map((table) => sql<{ h: string | null }>`select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as h from ${sql.table(table)} t`.execute(t.db).then((r) => `${table}:${r.rows[0]?.h}`)),
  );
  return parts.join("|");
}

// Values of every odd kind: empty, huge, wrong type, injection, control characters.
const oddValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 1000, maxLength: 5000 }),
  fc.constantFrom("", " ", "null", "undefined", "[]", "{}", "-1", "1e309", "NaN", "0x", "'; drop table people; --", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "\u0000", "🙂".repeat(50), "00000000-0000-0000-0000-000000000000", "not-a-uuid"),
  fc.integer().map(String),
);
const notANumber = oddValue.filter((v) => !/^\s*\d+\s*$/.test(v));

/** A form with the fields an action reads, each odd or missing (intents stay real, to reach each branch). */
function formOf(shape: Record<string, fc.Arbitrary<string>>) {
  return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, fc.option(v, { nil: undefined })]))).map(
    (fields) => Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

interface Target {
  route: string;
  /** Tells apart two targets of one route. */
  label?: string;
  url: () => string;
  as: "anonymous" | "admin" | "officer";
  params?: () => Record<string, string>;
  form: fc.Arbitrary<[string, string][]>;
}

const TARGETS: Target[] = [
  { route: "login", url: () => "/login", as: "anonymous", form: formOf({ email: oddValue, password: oddValue, redirectTo: oddValue }) },
  {
    route: "join.$token",
    url: () => `/join/${tokens.join}`,
    as: "anonymous",
    params: () => ({ token: tokens.join }),
    form: formOf({ displayName: oddValue, email: oddValue, locale: oddValue, password: oddValue, confirmPassword: oddValue }),
  },
  { route: "reset.$token", url: () => `/reset/${tokens.reset}`, as: "anonymous", params: () => ({ token: tokens.reset }), form: formOf({ password: oddValue, confirmPassword: oddValue }) },
  { route: "account", url: () => "/account", as: "officer", form: formOf({ currentPassword: oddValue, newPassword: oddValue, confirmPassword: oddValue }) },
  { route: "language", url: () => "/language", as: "officer", form: formOf({ locale: oddValue, redirectTo: oddValue }) },
  {
    route: "coordinate.invitations",
    url: () => "/coordinate/invitations",
    as: "admin",
    form: formOf({ intent: fc.constantFrom("create", "revoke"), cohortId: oddValue, role: oddValue, email: oddValue, note: oddValue, invitationId: oddValue }),
  },
  { route: "admin.people", url: () => "/admin/people", as: "admin", form: formOf({ intent: fc.constantFrom("reset-link"), personId: oddValue }) },
  { route: "coordinate.certificates", url: () => "/coordinate/certificates", as: "admin", form: formOf({ code: oddValue, reason: oddValue }) },
  { route: "account", url: () => "/account", as: "officer", form: formOf({ intent: fc.constantFrom("data-mode"), dataMode: oddValue }) },
  { route: "admin.low-data", url: () => "/admin/low-data", as: "admin", form: formOf({ intent: fc.constantFrom("set"), cohortId: oddValue, lowData: oddValue }) },
  {
    route: "learn.$courseId.$itemId/route",
    url: () => "/learn/trafficking-smuggling/two-crimes-quiz",
    as: "officer",
    params: () => ({ courseId: "trafficking-smuggling", itemId: "two-crimes-quiz" }),
    form: formOf({ intent: fc.constantFrom("start", "answer", "next", "goto", "review", "submit"), version: notANumber, token: oddValue, option: oddValue, value: oddValue, text: oddValue, index: oddValue }),
  },
  {
    // No play is under way: a decision with the right version and any odd choice is refused.
    route: "learn.$courseId.$itemId/route",
    label: "learn.$courseId.$itemId/route (scenario decision)",
    url: () => "/learn/unaccompanied-children/girl-alone-at-checkpoint",
    as: "officer",
    params: () => ({ courseId: "unaccompanied-children", itemId: "girl-alone-at-checkpoint" }),
    form: formOf({ intent: fc.constantFrom("choose", "decide", ""), version: fc.oneof(fc.constant("0"), notANumber), choice: oddValue }),
  },
  {
    route: "dialogue.$spaceId._index",
    url: () => `/dialogue/${dialogue.space}`,
    as: "officer",
    params: () => ({ spaceId: dialogue.space }),
    form: formOf({ intent: fc.constantFrom("create", "settings"), title: oddValue, body: oddValue, editWindowMinutes: oddValue, holdFirstPosts: oddValue }),
  },
  {
    route: "dialogue.$spaceId.$threadId/route",
    url: () => `/dialogue/${dialogue.space}/${dialogue.thread}`,
    as: "officer",
    params: () => ({ spaceId: dialogue.space, threadId: dialogue.thread }),
    form: formOf({
      intent: fc.constantFrom("reply", "edit", "delete", "report", "approve", "hide", "restore", "dismiss", "pin", "lock", "mute", "nonsense"),
      body: oddValue, title: oddValue, parentId: oddValue, postId: oddValue, version: oddValue, reason: oddValue, personId: oddValue, days: oddValue,
    }),
  },
  { route: "admin.dialogue", url: () => "/admin/dialogue", as: "admin", form: formOf({ title: oddValue, cohortIds: oddValue }) },
  {
    route: "facilitate._index",
    url: () => "/facilitate",
    as: "admin",
    form: formOf({ intent: fc.constantFrom("approve", "hide", "dismiss"), postId: oddValue, version: oddValue, reason: oddValue }),
  },
];

/** A form that is allowed to change data: a well-formed new thread or reply (what was sent is what gets stored). */
function legitimateChange(route: string, body: URLSearchParams): boolean {
  const filled = (name: string, max: number) => {
    const v = (body.get(name) ?? "").trim();
    return v.length > 0 && v.length <= max;
  };
  if (route === "language") return ["es", "en"].includes(body.get("locale") ?? "");
  if (route === "dialogue.$spaceId._index") return body.get("intent") === "create" && filled("title", 150) && filled("body", 5000);
  if (route === "dialogue.$spaceId.$threadId/route") return body.get("intent") === "reply" && filled("body", 5000) && !body.get("parentId");
  return false;
}

describe(`bad input to every action (${process.env.SENDERO_TEST_ENGINE})`, () => {
  for (const target of TARGETS) {
    it(`${target.label ?? target.route}: odd forms get a 4xx or the page again, never a 500, and change nothing`, async () => {
      const { action } = await import(`../../app/routes/${target.route}`);
      const session = target.as === "anonymous" ? null : (await signedInRequest(t.db, target.as === "admin" ? admin : officer, "/")).headers.get("cookie");
      await fc.assert(
        fc.asyncProperty(target.form, async (fields) => {
          const body = new URLSearchParams(fields);
          const headers = session ? { cookie: session } : undefined;
          const before = await fingerprint();
          const request = target.as === "anonymous" ? anonymousRequest(target.url(), { method: "POST", body }) : new Request(new URL(target.url(), "http://sendero.test"), { method: "POST", body, headers });
          const response = await outcome(() => action({ request, context, params: target.params?.() ?? {} }));
          expect(response.status, `${target.route} with ${body}`).toBeLessThan(500);
          // A language switch with a valid locale, or a well-formed post, is a legitimate change; anything else must not change data.
          if (!legitimateChange(target.route, body)) expect(await fingerprint(), `${target.route} with ${body}`).toBe(before);
        }),
        // A fixed seed: the same odd forms every run, so a failure can be replayed and never flickers.
        { numRuns: 25, seed: 20261123 },
      );
    }, 60_000);
  }
});
