import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import type { Catalog } from "../../app/content/model";
import { createGeneralSpace } from "../../app/models/dialogue/spaces.server";
import { createInvitation } from "../../app/models/invitation.server";
import { createPasswordReset } from "../../app/models/password-reset.server";
import { unsubscribeUrl } from "../../app/models/mail-preferences.server";
import { issueCertificate } from "../../app/models/certificate.server";
import { calendarFeedToken } from "../../app/models/sessions/calendar-feed.server";
import { anonymousRequest, outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makeCountry, makeInstitution, makePerson } from "../setup/factories";
import { routeModules, unlistedRoutes } from "../setup/route-modules";
import { openTestDb, type TestDb } from "../setup/test-db";

// Every route module × every role: what its loader and action answer. A route module missing
// from the table below fails the first test, so a new route cannot be forgotten.
type Actor = "anonymous" | "officer" | "facilitator" | "coordinator" | "admin";
/** "login": sent to the sign-in page; "redirect": sent elsewhere; numbers: the status. */
type Expected = "login" | "redirect" | 200 | 400 | 403 | 404;
type PerActor = Record<Actor, Expected>;

const all = (e: Expected): PerActor => ({ anonymous: e, officer: e, facilitator: e, coordinator: e, admin: e });
const signedIn = (e: Expected): PerActor => ({ anonymous: "login", officer: e, facilitator: e, coordinator: e, admin: e });
const adminOnly = (ok: Expected): PerActor => ({ anonymous: "login", officer: 403, facilitator: 403, coordinator: 403, admin: ok });
const coordinators = (ok: Expected): PerActor => ({ anonymous: "login", officer: 403, facilitator: 403, coordinator: ok, admin: ok });

interface RouteCase {
  url: () => string;
  loader?: PerActor;
  /** The action is sent an empty form (the CSRF check happens before, in the server). */
  action?: PerActor;
}

const ids = { calendar: "", institution: "", unsubscribe: "", openToken: "", resetToken: "", certificate: "", spaceA: "", threadA: "" };
// Dialogue in cohort A: members and its facilitator get in; the coordinator of A, who is not a member, does not.
const members = (ok: Expected, outsider: Expected = 404): PerActor => ({ anonymous: "login", officer: ok, facilitator: ok, coordinator: outsider, admin: ok });
const LESSON = "/learn/trafficking-smuggling/what-is-trafficking";
const TALK = "vulnerability-referral/referral-mechanisms-talk";
const TEAM_TASK = "unaccompanied-children/referral-route-map";
const SCENARIO_REPORT = "/coordinate/scenarios/unaccompanied-children/girl-alone-at-checkpoint";

const TABLE: Record<string, RouteCase> = {
  "$.tsx": { url: () => "/no-such-page", loader: all(404), action: all(404) },
  "_index.tsx": { url: () => "/", loader: { ...all("redirect"), anonymous: "login" } },
  "account.tsx": { url: () => "/account", loader: signedIn(200), action: signedIn(400) },
  "admin._index.tsx": { url: () => "/admin", loader: adminOnly(200) },
  "admin.audit.tsx": { url: () => "/admin/audit", loader: adminOnly(200) },
  "admin.mail.tsx": { url: () => "/admin/mail", loader: adminOnly(200), action: adminOnly(400) },
  "admin.dialogue.tsx": { url: () => "/admin/dialogue", loader: adminOnly(200), action: adminOnly(400) },
  "admin.low-data.tsx": { url: () => "/admin/low-data", loader: adminOnly(200), action: adminOnly(400) },
  "admin.retention.tsx": { url: () => "/admin/retention", loader: adminOnly(200), action: adminOnly(400) },
  "admin.erasure.tsx": { url: () => "/admin/erasure", loader: adminOnly(200), action: adminOnly(400) },
  "admin.countries.tsx": { url: () => "/admin/countries", loader: adminOnly(200), action: adminOnly(400) },
  "admin.institutions._index.tsx": { url: () => "/admin/institutions", loader: adminOnly(200), action: adminOnly(400) },
  "admin.institutions.$institutionId.tsx": { url: () => `/admin/institutions/${ids.institution}`, loader: adminOnly(200), action: adminOnly(400) },
  "admin.roles.tsx": { url: () => "/admin/roles", loader: adminOnly(200), action: adminOnly(400) },
  "coordinate.cohorts._index.tsx": { url: () => "/coordinate/cohorts", loader: coordinators(200), action: coordinators(400) },
  "coordinate.cohorts.$cohortId._index.tsx": { url: () => `/coordinate/cohorts/${cohortA}`, loader: coordinators(200), action: coordinators(400) },
  "coordinate.cohorts.$cohortId.enrolment.tsx": { url: () => `/coordinate/cohorts/${cohortA}/enrolment`, loader: coordinators(200), action: coordinators(400) },
  "resources.enrolment-template.tsx": { url: () => "/resources/enrolment-template?lang=en&format=xlsx", loader: coordinators(200) },
  "admin.people_.new.tsx": { url: () => "/admin/people/new", loader: adminOnly(200), action: adminOnly(400) },
  "admin.people_.$personId.tsx": { url: () => `/admin/people/${people.officer}`, loader: adminOnly(200), action: adminOnly(400) },
  "admin.people_.$personId_.erase.tsx": { url: () => `/admin/people/${people.officer}/erase`, loader: adminOnly(200), action: adminOnly(400) },
  "admin.people.tsx": { url: () => "/admin/people", loader: adminOnly(200), action: adminOnly(400) },
  "coordinate._index.tsx": { url: () => "/coordinate", loader: coordinators(200) },
  "coordinate.scenarios._index.tsx": { url: () => "/coordinate/scenarios", loader: coordinators(200) },
  "coordinate.scenarios.$courseId.$itemId.tsx": { url: () => SCENARIO_REPORT, loader: coordinators(200) },
  "coordinate.certificates.tsx": { url: () => "/coordinate/certificates", loader: coordinators(200), action: coordinators(400) },
  "certificates.$code.pdf.tsx": { url: () => `/certificates/${ids.certificate}/pdf`, loader: { anonymous: "login", officer: 200, facilitator: 404, coordinator: 200, admin: 200 } },
  "certificates.$code.credential.tsx": { url: () => `/certificates/${ids.certificate}/credential`, loader: { anonymous: "login", officer: 200, facilitator: 404, coordinator: 404, admin: 404 } },
  "verify._index.tsx": { url: () => "/verify", loader: all(200) },
  "verify.$code.tsx": { url: () => `/verify/${ids.certificate}`, loader: all(200) },
  "issuer._index.tsx": { url: () => "/issuer", loader: all(200) },
  "issuer.jwks[.]json.tsx": { url: () => "/issuer/jwks.json", loader: all(200) },
  "coordinate.items.tsx": { url: () => "/coordinate/items?course=trafficking-smuggling", loader: coordinators(200) },
  "coordinate.learners._index.tsx": { url: () => "/coordinate/learners", loader: coordinators(200) },
  "coordinate.learners.$personId.tsx": { url: () => `/coordinate/learners/${people.officer}`, loader: coordinators(200) },
  "resources.report-learners.tsx": { url: () => "/resources/report-learners?format=csv", loader: coordinators(200) },
  "resources.report-overview.tsx": { url: () => "/resources/report-overview?format=xlsx", loader: coordinators(200) },
  "resources.report-attendance.tsx": { url: () => "/resources/report-attendance?format=csv", loader: coordinators(200) },
  "resources.report-team-work.tsx": { url: () => "/resources/report-team-work?format=xlsx", loader: coordinators(200) },
  "coordinate.invitations.tsx": { url: () => "/coordinate/invitations", loader: coordinators(200), action: coordinators(400) },
  "facilitate._index.tsx": {
    url: () => "/facilitate",
    loader: { anonymous: "login", officer: 403, facilitator: 200, coordinator: 403, admin: 200 },
    action: { anonymous: "login", officer: 403, facilitator: 400, coordinator: 403, admin: 400 },
  },
  "facilitate.sessions._index.tsx": { url: () => "/facilitate/sessions", loader: { anonymous: "login", officer: 403, facilitator: 200, coordinator: 200, admin: 200 } },
  // Cohort A's talk: its facilitator and its coordinator schedule it (an empty form is a 400).
  "facilitate.sessions.$cohortId.$courseId.$itemId.tsx": {
    url: () => `/facilitate/sessions/${cohortA}/${TALK}`,
    loader: { anonymous: "login", officer: 403, facilitator: 200, coordinator: 200, admin: 200 },
    action: { anonymous: "login", officer: 403, facilitator: 400, coordinator: 400, admin: 400 },
  },
  "facilitate.teams._index.tsx": { url: () => "/facilitate/teams", loader: { anonymous: "login", officer: 403, facilitator: 200, coordinator: 200, admin: 200 } },
  "facilitate.teams.$cohortId.tsx": {
    url: () => `/facilitate/teams/${cohortA}`,
    loader: { anonymous: "login", officer: 403, facilitator: 200, coordinator: 200, admin: 200 },
    action: { anonymous: "login", officer: 403, facilitator: 400, coordinator: 400, admin: 400 },
  },
  // Cohort A's group task: its facilitator and coordinator read and assess the teams' work (an empty form is a 400).
  "facilitate.teams.$cohortId_.$courseId.$itemId.tsx": {
    url: () => `/facilitate/teams/${cohortA}/${TEAM_TASK}`,
    loader: { anonymous: "login", officer: 403, facilitator: 200, coordinator: 200, admin: 200 },
    action: { anonymous: "login", officer: 403, facilitator: 400, coordinator: 400, admin: 400 },
  },
  // The session as the officer's cohort hears it: only its officers have one.
  "learn.$courseId.$itemId_.calendar[.]ics.tsx": { url: () => `/learn/${TALK}/calendar.ics`, loader: { anonymous: "login", officer: 200, facilitator: 404, coordinator: 404, admin: 404 } },
  // Signed in the address itself: calendar programs cannot sign in.
  "calendar.$token.tsx": { url: () => `/calendar/${ids.calendar}`, loader: all(200) },
  "session-captions.$courseId.$itemId.$file.tsx": { url: () => `/session-captions/${TALK}/es.vtt`, loader: signedIn(404) },
  "dialogue._index.tsx": { url: () => "/dialogue", loader: signedIn(200) },
  "dialogue.$spaceId._index.tsx": { url: () => `/dialogue/${ids.spaceA}`, loader: members(200), action: members(400) },
  "dialogue.$spaceId.history.tsx": { url: () => `/dialogue/${ids.spaceA}/history`, loader: { ...members(200), officer: 403 } },
  "dialogue.$spaceId.$threadId/route.tsx": { url: () => `/dialogue/${ids.spaceA}/${ids.threadA}`, loader: members(200), action: members(400) },
  "notifications.tsx": { url: () => "/notifications", loader: signedIn(200) },
  "join.$token.tsx": { url: () => `/join/${ids.openToken}`, loader: all(200), action: all(400) },
  "language.tsx": { url: () => "/language", loader: all("redirect"), action: all("redirect") },
  "learn.$courseId.$itemId/route.tsx": { url: () => LESSON, loader: signedIn(200), action: signedIn("redirect") },
  "learn.$courseId._index.tsx": { url: () => "/learn/trafficking-smuggling", loader: signedIn(200) },
  "learn._index.tsx": { url: () => "/learn", loader: signedIn(200) },
  "login.tsx": { url: () => "/login", loader: { ...all("redirect"), anonymous: 200 }, action: all(400) },
  "logout.tsx": { url: () => "/logout", loader: all("redirect"), action: all("login") },
  "mail.unsubscribe.$token.tsx": { url: () => `/mail/unsubscribe/${ids.unsubscribe}`, loader: all(200), action: all(400) },
  "reset.$token.tsx": { url: () => `/reset/${ids.resetToken}`, loader: all(200), action: all(400) },
  // Offline reading (issue 19): what to save of a course (its guard is the course page's), the
  // page shown without a connection (no loader: the same for everyone) and the app manifest.
  "resources.offline-course.$courseId.tsx": { url: () => "/resources/offline-course/trafficking-smuggling", loader: signedIn(200) },
  "offline.tsx": { url: () => "/offline" },
  "manifest[.]webmanifest.tsx": { url: () => "/manifest.webmanifest", loader: all(200) },
  // Privacy (issue 21): the notice is public and has no loader; each person downloads their own
  // data; an admin downloads anyone's in their scope (tests/integration/personal-data-export.test.ts).
  "privacy.tsx": { url: () => "/privacy" },
  "resources.personal-data.tsx": { url: () => "/resources/personal-data", loader: signedIn(200) },
  "resources.personal-data.$personId.tsx": { url: () => `/resources/personal-data/${people.officer}`, loader: adminOnly(200) },
};

let t: TestDb;
let content: Catalog;
const people = {} as Record<Exclude<Actor, "anonymous"> | "outsideCoordinator" | "outsideOfficer", string>;
let cohortA = "";
let invitationInA = "";

beforeAll(async () => {
  t = await openTestDb();
  const real = loadContent("content/courses").catalog;
  // A course given only to cohort A, beside the real (open) ones.
  const base = real.courses.get("trafficking-smuggling")!;
  content = { courses: new Map([...real.courses, ["closed-course", { ...base, id: "closed-course", openToAll: false }]]) };
  cohortA = await makeCohort(t.db, "Grupo A");
  await makeCountry(t.db, "HN");
  ids.institution = await makeInstitution(t.db, "HN");
  const cohortB = await makeCohort(t.db, "Grupo B");
  await t.db.insertInto("cohort_courses").values({ cohort_id: cohortA, course_id: "closed-course", due_on: null }).execute();
  await t.db.insertInto("cohort_courses").values({ cohort_id: cohortB, course_id: "trafficking-smuggling", due_on: null }).execute();
  await t.db.insertInto("cohort_courses").values({ cohort_id: cohortA, course_id: "vulnerability-referral", due_on: null }).execute();
  await t.db.insertInto("cohort_courses").values({ cohort_id: cohortA, course_id: "unaccompanied-children", due_on: null }).execute();
  people.officer = (await makePerson(t.db, { cohortId: cohortA })).id;
  people.facilitator = (await makePerson(t.db, { role: "facilitator", cohortId: cohortA })).id;
  people.coordinator = (await makePerson(t.db, { role: "coordinator", scope: { kind: "cohort", id: cohortA } })).id;
  people.admin = (await makePerson(t.db, { role: "admin" })).id;
  people.outsideCoordinator = (await makePerson(t.db, { role: "coordinator", scope: { kind: "cohort", id: cohortB } })).id;
  people.outsideOfficer = (await makePerson(t.db, { cohortId: cohortB })).id;
  const invitation = await createInvitation(t.db, { cohortId: cohortA, role: "officer", email: null, note: null, createdBy: people.admin, validForMs: 86_400_000 });
  ids.openToken = invitation.token;
  invitationInA = invitation.id;
  ids.unsubscribe = (await unsubscribeUrl(t.db, "", people.officer, "digests")).split("/").pop()!;
  ids.resetToken = (await createPasswordReset(t.db, people.officer, people.admin, 86_400_000)).token;
  ids.certificate = (await issueCertificate(t.db, people.officer, base)).code;
  ids.spaceA = await createGeneralSpace(t.db, cohortA, "Grupo A");
  ids.calendar = await calendarFeedToken(t.db, people.officer);
  await t.db
    .insertInto("session_schedules")
    .values({ cohort_id: cohortA, course_id: "vulnerability-referral", item_id: "referral-mechanisms-talk", starts_at: new Date(), minutes: 60, time_zone: "America/Tegucigalpa", checkin_code: "ABCDEF" })
    .execute();
  ids.threadA = (await t.db.insertInto("dialogue_threads").values({ space_id: ids.spaceA, author_id: people.officer, title: "Tema" }).returning("id").executeTakeFirstOrThrow()).id;
  await t.db
    .insertInto("dialogue_posts")
    .values({ thread_id: ids.threadA, parent_id: null, author_id: people.officer, opens_thread: true, body_source: "Hola", body_html: "<p>Hola</p>", state: "published" })
    .execute();
});
afterAll(async () => t.close());

const context = (): AppLoadContext => testContext(t.db, { content });

async function request(actor: Actor | keyof typeof people, url: string, init: RequestInit = {}): Promise<Request> {
  return actor === "anonymous" ? anonymousRequest(url, init) : signedInRequest(t.db, people[actor], url, init);
}

function classify(response: Response): Expected | number {
  if (response.status >= 300 && response.status < 400) {
    return (response.headers.get("location") ?? "").startsWith("/login") ? "login" : "redirect";
  }
  return response.status;
}

const paramsOf = (url: string) => {
  const [, first, second, third, fourth] = url.split("?")[0]!.split("/");
  if (first === "learn") return { courseId: second, itemId: third };
  if (first === "resources" && second === "offline-course") return { courseId: third };
  if (first === "resources" && second === "personal-data") return third ? { personId: third } : {};
  if (first === "facilitate" && second === "sessions" && third) return { cohortId: third, courseId: fourth, itemId: url.split("?")[0]!.split("/")[5] };
  if (first === "facilitate" && second === "teams" && third) return fourth ? { cohortId: third, courseId: fourth, itemId: url.split("?")[0]!.split("/")[5] } : { cohortId: third };
  if (first === "calendar") return { token: second };
  if (first === "session-captions") return { courseId: second, itemId: third, file: fourth };
  if (first === "coordinate" && second === "scenarios" && third) return { courseId: third, itemId: fourth };
  if (first === "join" || first === "reset") return { token: second };
  if (first === "mail") return { token: third };
  if (first === "certificates" || first === "verify") return { code: second };
  if (first === "coordinate" && second === "cohorts" && third) return { cohortId: third };
  if (first === "admin" && second === "people" && third) return { personId: third };
  if (first === "admin" && second === "institutions" && third) return { institutionId: third };
  if (first === "coordinate" && second === "learners" && third) return { personId: third };
  if (first === "dialogue") return { spaceId: second, threadId: third };
  return {};
};

describe(`authorisation matrix (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("has expectations for every route module, and none for routes that do not exist", () => {
    expect(unlistedRoutes(routeModules(), Object.keys(TABLE))).toEqual({ missing: [], stale: [] });
  });

  for (const [file, route] of Object.entries(TABLE)) {
    for (const kind of ["loader", "action"] as const) {
      const expected = route[kind];
      if (!expected) continue;
      it(`${file} ${kind}: ${Object.entries(expected).map(([a, e]) => `${a} ${e}`).join(", ")}`, async () => {
        const module = await import(`../../app/routes/${file}`);
        expect(typeof module[kind], `${file} exports a ${kind}`).toBe("function");
        for (const [actor, want] of Object.entries(expected) as [Actor, Expected][]) {
          const url = route.url();
          const init: RequestInit = kind === "action" ? { method: "POST", body: new URLSearchParams() } : {};
          const response = await outcome(async () => module[kind]({ request: await request(actor, url, init), context: context(), params: paramsOf(url) }));
          expect(classify(response), `${file} ${kind} as ${actor}`).toBe(want);
        }
      });
    }
  }

  it("checks that every exported loader and action has its row", async () => {
    for (const [file, route] of Object.entries(TABLE)) {
      const module = await import(`../../app/routes/${file}`);
      if (typeof module.loader === "function") expect(route.loader, `${file} loader row`).toBeDefined();
      if (typeof module.action === "function") expect(route.action, `${file} action row`).toBeDefined();
    }
  });
});

describe(`out-of-scope members (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("hides a course given to another cohort: 404 for its course page and items", async () => {
    const { loader: coursePage } = await import("../../app/routes/learn.$courseId._index");
    const { loader: itemPage, action: itemAction } = await import("../../app/routes/learn.$courseId.$itemId/route");
    const outsider = (url: string, init?: RequestInit) => request("outsideOfficer", url, init);
    const params = { courseId: "closed-course", itemId: "what-is-trafficking" };
    expect((await outcome(async () => coursePage({ request: await outsider("/learn/closed-course"), context: context(), params }))).status).toBe(404);
    expect((await outcome(async () => itemPage({ request: await outsider("/learn/closed-course/what-is-trafficking"), context: context(), params }))).status).toBe(404);
    expect((await outcome(async () => itemAction({ request: await outsider("/learn/closed-course/what-is-trafficking", { method: "POST", body: new URLSearchParams() }), context: context(), params }))).status).toBe(404);
    const { loader: saveList } = await import("../../app/routes/resources.offline-course.$courseId");
    expect((await outcome(async () => saveList({ request: await outsider("/resources/offline-course/closed-course"), context: context(), params }))).status).toBe(404);
    // …while a member of the cohort it was given to sees it.
    expect((await outcome(async () => coursePage({ request: await request("officer", "/learn/closed-course"), context: context(), params }))).status).toBe(200);
  });

  it("answers 404 to a coordinator revoking another cohort's invitation, and revokes nothing", async () => {
    const { action } = await import("../../app/routes/coordinate.invitations");
    const body = new URLSearchParams({ intent: "revoke", invitationId: invitationInA });
    const response = await outcome(async () => action({ request: await request("outsideCoordinator", "/coordinate/invitations", { method: "POST", body }), context: context(), params: {} }));
    expect(response.status).toBe(404);
    const row = await t.db.selectFrom("invitations").select("revoked_at").where("id", "=", invitationInA).executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  it("refuses a coordinator inviting to a cohort outside their scope", async () => {
    const { action } = await import("../../app/routes/coordinate.invitations");
    const body = new URLSearchParams({ intent: "create", cohortId: cohortA, role: "officer", email: "", note: "" });
    const response = await outcome(async () => action({ request: await request("outsideCoordinator", "/coordinate/invitations", { method: "POST", body }), context: context(), params: {} }));
    expect(response.status).toBe(403);
  });

  it("shows a coordinator only the people of their scope", async () => {
    const { loader } = await import("../../app/routes/coordinate.learners._index");
    const response = await outcome(async () => loader({ request: await request("outsideCoordinator", "/coordinate/learners"), context: context(), params: {} }));
    const body = (await response.json()) as { rows: { personId: string }[] };
    expect(body.rows.map((r) => r.personId)).toEqual([people.outsideOfficer]);
  });

  it("answers 404 to a coordinator opening a learner outside their scope", async () => {
    const { loader } = await import("../../app/routes/coordinate.learners.$personId");
    const url = `/coordinate/learners/${people.officer}`;
    const response = await outcome(async () => loader({ request: await request("outsideCoordinator", url), context: context(), params: { personId: people.officer } }));
    expect(response.status).toBe(404);
  });

  it("takes no step in a locked quiz or scenario from a crafted form: 409 and nothing stored", async () => {
    const { action } = await import("../../app/routes/learn.$courseId.$itemId/route");
    for (const itemId of ["recognise-quiz", "bus-checkpoint-indicators"]) {
      const url = `/learn/trafficking-smuggling/${itemId}`;
      const body = new URLSearchParams({ intent: "start", version: "0" });
      const response = await outcome(async () => action({ request: await request("officer", url, { method: "POST", body }), context: context(), params: { courseId: "trafficking-smuggling", itemId } }));
      expect(response.status, itemId).toBe(409);
    }
    expect(await t.db.selectFrom("quiz_states").select("person_id").where("person_id", "=", people.officer).execute()).toEqual([]);
    expect(await t.db.selectFrom("scenario_states").select("person_id").where("person_id", "=", people.officer).execute()).toEqual([]);
  });
});
