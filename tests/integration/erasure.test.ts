import type { AppLoadContext } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import { GLOBAL_ADMIN_GRANTS } from "../../app/models/access.server";
import { audit } from "../../app/models/audit.server";
import { changeMemberships, updatePerson } from "../../app/models/person-admin.server";
import { setPersonActive } from "../../app/models/person-status.server";
import { listErasureRequests } from "../../app/models/privacy/erasure-list.server";
import { cancelErasure, erasureOf, purgeDueErasures, requestErasure, saveErasurePolicy } from "../../app/models/privacy/erasure.server";
import { createSession } from "../../app/models/session.server";
import { signIn } from "../../app/models/sign-in.server";
import { pseudonymOf } from "../../app/privacy/pseudonym";
import { loader as overviewLoader } from "../../app/routes/coordinate._index";
import { loader as verifyLoader } from "../../app/routes/verify.$code";
import { hashToken } from "../../app/utils/tokens.server";
import { outcome, signedInRequest, testConfig, testContext } from "../setup/context";
import { makeCohort, makeCountry, makeInstitution, makePerson } from "../setup/factories";
import { recordOneOfEach } from "../setup/personal-data";
import { MARKS } from "../setup/personal-data-marks";
import { openTestDb, type TestDb } from "../setup/test-db";

// Issue 21, erasure: the request blocks the account at once; after the grace period the purge
// leaves no trace of the person's name or address in any text column, while every count and
// analysis stays the same; the certificate answers "valid, name removed"; posts are kept
// (signed by a removed participant) or removed, as the programme chose.

const DAY_MS = 24 * 60 * 60 * 1000;
let t: TestDb;
let context: AppLoadContext;
let cohort = "";
const admin = { actorId: "" };
let gtAdmin = "";
let coordinator = "";
const NAME = "Marisol Borrable Quintero";
let person = { id: "", email: "", password: "" };
let other = { id: "", email: "" };
const start = new Date();

/** Every text, JSON and byte column of every table, and the rows in which one holds a trace. */
async function tracesOf(db: TestDb["db"], traces: string[]): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema() and data_type in ('text', 'character varying', 'json', 'jsonb', 'bytea', 'ARRAY')`.execute(db);
  const found: string[] = [];
  for (const c of columns.rows) {
    for (const trace of traces) {
      const holds =
        c.data_type === "bytea"
          ? sql`position(convert_to(${trace}, 'UTF8') in ${sql.ref(c.column_name)}) > 0`
          : sql`strpos(lower(${sql.ref(c.column_name)}::text), lower(${trace})) > 0`;
      const n = await sql<{ n: string }>`select count(*) as n from ${sql.table(c.table_name)} where ${holds}`.execute(db);
      if (Number(n.rows[0]!.n) > 0) found.push(`${c.table_name}.${c.column_name} holds ${trace}`);
    }
  }
  return found;
}

async function overviewFigures() {
  const response = await outcome(async () => overviewLoader({ request: await signedInRequest(t.db, coordinator, "/coordinate"), context, params: {} }));
  const data = (await response.json()) as Record<string, unknown>;
  return { totals: data.totals, byCohortCourse: data.byCohortCourse, byCountry: data.byCountry, byInstitution: data.byInstitution, weekly: data.weekly };
}

const ownRows = async (personId: string) => ({
  events: Number((await t.db.selectFrom("learning_events").select((eb) => eb.fn.countAll<string>().as("n")).where("actor_id", "=", personId).executeTakeFirstOrThrow()).n),
  items: Number((await t.db.selectFrom("item_progress").select((eb) => eb.fn.countAll<string>().as("n")).where("person_id", "=", personId).executeTakeFirstOrThrow()).n),
  quizzes: await t.db.selectFrom("quiz_results").select(["quiz_id", "best_percent"]).where("person_id", "=", personId).execute(),
  memberships: await t.db.selectFrom("cohort_members").select(["cohort_id", "role"]).where("person_id", "=", personId).execute(),
  posts: await t.db.selectFrom("dialogue_posts").select(["state"]).where("author_id", "=", personId).orderBy("state").execute(),
});

beforeAll(async () => {
  t = await openTestDb();
  context = testContext(t.db, { content: loadContent("content/courses").catalog });
  await makeCountry(t.db, "GT");
  const institution = await makeInstitution(t.db, "HN", "Instituto de Migración HN");
  cohort = await makeCohort(t.db, "Grupo de borrado");
  await t.db.insertInto("cohort_courses").values({ cohort_id: cohort, course_id: "trafficking-smuggling", due_on: null }).execute();
  person = await makePerson(t.db, { cohortId: cohort, countryCode: "HN", institutionId: institution, name: NAME });
  other = await makePerson(t.db, { cohortId: cohort, countryCode: "HN", name: "Otra Persona Zeta" });
  admin.actorId = (await makePerson(t.db, { role: "admin" })).id;
  gtAdmin = (await makePerson(t.db, { role: "admin", scope: { kind: "country", code: "GT" } })).id;
  coordinator = (await makePerson(t.db, { role: "coordinator" })).id;
  await recordOneOfEach(t.db, person.id, cohort, other);

  // Everything else that can name the person: a signed post, an invitation, mail, a reset, a
  // sign-in lock, a session, a reflection, a notification, an enrolment file, audit details.
  const thread = await t.db.selectFrom("dialogue_threads").select("id").where("author_id", "=", person.id).executeTakeFirstOrThrow();
  await t.db
    .insertInto("dialogue_posts")
    .values({ thread_id: thread.id, parent_id: null, author_id: person.id, body_source: `Saludos, ${NAME}`, body_html: `<p>Saludos, ${NAME}</p>`, state: "published", published_at: new Date() })
    .execute();
  await t.db
    .insertInto("invitations")
    .values({ token_hash: hashToken("invitación-borrado"), cohort_id: cohort, role: "officer", email: person.email, note: NAME, created_by: admin.actorId, expires_at: new Date(Date.now() + DAY_MS), accepted_at: new Date(), accepted_by: person.id })
    .execute();
  await t.db.insertInto("mail_outbox").values({ kind: "invitation", to_address: person.email, locale: "es", subject: `Bienvenida, ${NAME}`, text_body: `Hola ${NAME}`, html_body: `<p>Hola ${NAME}</p>` }).execute();
  await t.db.insertInto("mail_outbox").values({ kind: "digest", to_address: other.email, locale: "es", subject: "Resumen", text_body: `Nuevo mensaje de ${NAME}`, html_body: null }).execute();
  await t.db.insertInto("password_resets").values({ token_hash: hashToken("reset-borrado"), person_id: person.id, created_by: admin.actorId, expires_at: new Date(Date.now() + DAY_MS) }).execute();
  await t.db.insertInto("login_throttles").values({ key: `account:${person.email}`, failures: 1, window_started_at: new Date() }).execute();
  await createSession(t.db, person.id, { idleMs: testConfig.sessionIdleMs, maxMs: testConfig.sessionMaxMs }, "Navegador de la garita");
  await t.db.insertInto("session_reflections").values({ person_id: person.id, course_id: "trafficking-smuggling", item_id: "expert-talk", body: "Lo que me llevo de la charla." }).execute();
  await t.db.insertInto("notifications").values({ person_id: person.id, kind: "reply", thread_id: thread.id }).execute();
  await t.db.insertInto("enrolment_uploads").values({ cohort_id: cohort, uploaded_by: admin.actorId, file_name: "lista.csv", bytes: new TextEncoder().encode(`email,nombre\n${person.email},${NAME}\n`) }).execute();
  await audit(t.db, { actorId: admin.actorId, action: "person.created", targetType: "person", targetId: person.id, details: { email: person.email, displayName: NAME } });
});
afterAll(async () => t.close());

describe(`erasure of a person (${process.env.SENDERO_TEST_ENGINE})`, () => {
  let figures: Awaited<ReturnType<typeof overviewFigures>>;
  let rows: Awaited<ReturnType<typeof ownRows>>;
  let certificateCode = "";

  it("finds the person's name and address in many places before anything is done (the scan works)", async () => {
    const found = await tracesOf(t.db, [person.email, NAME]);
    for (const place of ["people.email", "people.display_name", "invitations.note", "mail_outbox.text_body", "audit_log.details", "certificates.holder_name", "enrolment_uploads.bytes", "login_throttles.key", "dialogue_posts.body_source"]) {
      expect(found.some((f) => f.startsWith(`${place} `)), place).toBe(true);
    }
    figures = await overviewFigures();
    rows = await ownRows(person.id);
    certificateCode = (await t.db.selectFrom("certificates").select("code").where("person_id", "=", person.id).executeTakeFirstOrThrow()).code;
  });

  it("refuses the admin's own account, a person outside the admin's scope, and a second request", async () => {
    expect(await requestErasure(t.db, admin, GLOBAL_ADMIN_GRANTS, admin.actorId, { now: start, immediately: false })).toEqual({ ok: false, code: "own-account" });
    const gtGrants = [{ role: "admin" as const, scope_kind: "country" as const, country_code: "GT", institution_id: null, cohort_id: null }];
    expect(await requestErasure(t.db, { actorId: gtAdmin }, gtGrants, person.id, { now: start, immediately: false })).toEqual({ ok: false, code: "missing" });
    expect(await erasureOf(t.db, person.id)).toBeNull();
  });

  it("blocks the account at once: sessions end, sign-in is refused, the purge waits for the grace period", async () => {
    const result = await requestErasure(t.db, admin, GLOBAL_ADMIN_GRANTS, person.id, { now: start, immediately: false });
    expect(result).toEqual({ ok: true, purgeAfter: new Date(start.getTime() + 30 * DAY_MS), purged: false });
    expect(await requestErasure(t.db, admin, GLOBAL_ADMIN_GRANTS, person.id, { now: start, immediately: false })).toEqual({ ok: false, code: "pending" });
    const open = await t.db.selectFrom("sessions").select("id_hash").where("person_id", "=", person.id).where("revoked_at", "is", null).execute();
    expect(open).toEqual([]);
    const attempt = await signIn(t.db, { email: person.email, password: person.password, address: "192.0.2.9", userAgent: null }, { maxFailuresPerAccount: 100, maxFailuresPerAddress: 100, lockMs: 1000 }, { idleMs: testConfig.sessionIdleMs, maxMs: testConfig.sessionMaxMs });
    expect(attempt.ok).toBe(false);
    // A day before the grace period ends, nothing is purged yet.
    expect(await t.db.transaction().execute((trx) => purgeDueErasures(trx, new Date(start.getTime() + 29 * DAY_MS)))).toBe(0);
    expect((await t.db.selectFrom("people").select("display_name").where("id", "=", person.id).executeTakeFirstOrThrow()).display_name).toBe(NAME);
  });

  it("purges after the grace period: no text column of any table holds the person's name or address", async () => {
    expect(await t.db.transaction().execute((trx) => purgeDueErasures(trx, new Date(start.getTime() + 30 * DAY_MS + 60_000)))).toBe(1);
    expect(await tracesOf(t.db, [person.email, NAME])).toEqual([]);
    const row = await t.db.selectFrom("people").select(["display_name", "erased_at", "disabled_at", "country_code"]).where("id", "=", person.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ display_name: pseudonymOf(person.id), country_code: "HN" });
    expect(row.erased_at).not.toBeNull();
    const erased = await t.db.selectFrom("audit_log").select(["action", "details"]).where("target_id", "=", person.id).where("action", "=", "person.erased").execute();
    expect(erased).toEqual([{ action: "person.erased", details: { pseudonym: pseudonymOf(person.id), posts: "keep" } }]);
    // Another person's mail that named them went too; the other person's own data stays.
    expect(await tracesOf(t.db, [other.email])).not.toEqual([]);
    expect((await erasureOf(t.db, person.id))?.purgedAt).not.toBeNull();
  });

  it("leaves every count, progress row and quiz result as it was; the posts stay, signed by a removed participant", async () => {
    expect(await overviewFigures()).toEqual(figures);
    expect(await ownRows(person.id)).toEqual(rows);
    const kept = await t.db.selectFrom("dialogue_posts").select("body_source").where("author_id", "=", person.id).execute();
    expect(kept.map((p) => p.body_source)).toEqual(expect.arrayContaining([MARKS.post, MARKS.hiddenPost, `Saludos, ${pseudonymOf(person.id)}`]));
  });

  it("answers the certificate's verify link with valid, and no name", async () => {
    const response = await outcome(async () => verifyLoader({ request: new Request(`http://sendero.test/verify/${certificateCode}`), context, params: { code: certificateCode } }));
    const data = (await response.json()) as { status: string; holder: string | null };
    expect(data).toMatchObject({ status: "valid", holder: null });
  });

  it("refuses to erase or cancel an erased person again", async () => {
    expect(await requestErasure(t.db, admin, GLOBAL_ADMIN_GRANTS, person.id, { now: new Date(), immediately: true })).toEqual({ ok: false, code: "erased" });
    expect(await cancelErasure(t.db, admin, GLOBAL_ADMIN_GRANTS, person.id)).toEqual({ ok: false, code: "not-pending" });
  });

  it("refuses to edit an erased person, to change their cohorts, or to reactivate them", async () => {
    const fields = { email: "nueva@example.org", displayName: NAME, locale: "es", countryCode: null, institutionId: null };
    expect(await updatePerson(t.db, { id: admin.actorId }, GLOBAL_ADMIN_GRANTS, person.id, fields)).toEqual({ ok: false, code: "erased" });
    expect(await changeMemberships(t.db, { id: admin.actorId }, GLOBAL_ADMIN_GRANTS, person.id, { join: [], leave: cohort })).toEqual({ ok: false, code: "erased" });
    expect(await t.db.transaction().execute((trx) => setPersonActive(trx, { actorId: admin.actorId, personId: person.id, active: true }))).toEqual({ ok: false, code: "erasure" });
    expect(await tracesOf(t.db, [NAME, "nueva@example.org"])).toEqual([]);
  });

  it("cancels a pending request: nothing is purged, and the account stays blocked until reactivated", async () => {
    const spared = await makePerson(t.db, { cohortId: cohort, name: "Persona Que Se Queda" });
    expect((await requestErasure(t.db, admin, GLOBAL_ADMIN_GRANTS, spared.id, { now: start, immediately: false })).ok).toBe(true);
    // While it waits the account cannot be reactivated; the list shows it first, as pending.
    expect(await t.db.transaction().execute((trx) => setPersonActive(trx, { actorId: admin.actorId, personId: spared.id, active: true }))).toEqual({ ok: false, code: "erasure" });
    const listed = await listErasureRequests(t.db, GLOBAL_ADMIN_GRANTS, { limit: 10, offset: 0 });
    expect(listed.rows[0]).toMatchObject({ personId: spared.id, name: "Persona Que Se Queda", state: "pending", closedAt: null });
    expect(listed.rows.find((r) => r.personId === person.id)).toMatchObject({ name: pseudonymOf(person.id), state: "purged" });
    // An admin of another country sees neither request.
    expect((await listErasureRequests(t.db, [{ role: "admin", scope_kind: "country", country_code: "GT", institution_id: null, cohort_id: null }], { limit: 10, offset: 0 })).total).toBe(0);
    expect(await cancelErasure(t.db, admin, GLOBAL_ADMIN_GRANTS, spared.id)).toEqual({ ok: true });
    expect((await t.db.transaction().execute((trx) => setPersonActive(trx, { actorId: admin.actorId, personId: spared.id, active: true }))).ok).toBe(true);
    await t.db.transaction().execute((trx) => setPersonActive(trx, { actorId: admin.actorId, personId: spared.id, active: false }));
    expect(await t.db.transaction().execute((trx) => purgeDueErasures(trx, new Date(start.getTime() + 365 * DAY_MS)))).toBe(0);
    const row = await t.db.selectFrom("people").select(["display_name", "disabled_at", "erased_at"]).where("id", "=", spared.id).executeTakeFirstOrThrow();
    expect(row.display_name).toBe("Persona Que Se Queda");
    expect(row.erased_at).toBeNull();
    expect(row.disabled_at).not.toBeNull();
    const actions = await t.db.selectFrom("audit_log").select("action").where("target_id", "=", spared.id).orderBy("id").execute();
    expect(actions.map((a) => a.action)).toEqual(["person.erasure-requested", "person.erasure-cancelled", "person.reactivated", "person.deactivated"]);
  });

  it("removes the posts instead when the programme says so, at once when the admin erases without waiting", async () => {
    await saveErasurePolicy(t.db, admin, { graceDays: 30, posts: "delete" });
    const writer = await makePerson(t.db, { cohortId: cohort, name: "Autora Que Se Va" });
    const thread = await t.db.selectFrom("dialogue_threads").select("id").where("author_id", "=", person.id).executeTakeFirstOrThrow();
    await t.db.insertInto("dialogue_posts").values({ thread_id: thread.id, parent_id: null, author_id: writer.id, body_source: "Un aporte que se irá", body_html: "<p>Un aporte que se irá</p>", state: "published", published_at: new Date() }).execute();
    const result = await requestErasure(t.db, admin, GLOBAL_ADMIN_GRANTS, writer.id, { now: new Date(), immediately: true });
    expect(result).toMatchObject({ ok: true, purged: true });
    expect(await t.db.selectFrom("dialogue_posts").select(["state", "body_source", "body_html"]).where("author_id", "=", writer.id).execute()).toEqual([{ state: "removed", body_source: "", body_html: "" }]);
    expect(await tracesOf(t.db, [writer.email, "Autora Que Se Va"])).toEqual([]);
  });
});
