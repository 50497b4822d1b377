import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import { action as listAction, loader as listLoader } from "../../app/routes/coordinate.cohorts._index";
import { action as cohortAction, loader as cohortLoader } from "../../app/routes/coordinate.cohorts.$cohortId._index";
import { action as rolesAction } from "../../app/routes/admin.roles";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCountry, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

// The cohort pages through their loaders and actions, as the browser's plain forms send them.
let t: TestDb;
let context: AppLoadContext;
const who = { mx: "", gt: "", admin: "" };
beforeAll(async () => {
  t = await openTestDb();
  context = testContext(t.db, { content: loadContent("content/courses").catalog });
  await makeCountry(t.db, "MX");
  await makeCountry(t.db, "GT");
  who.mx = (await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "MX" } })).id;
  who.gt = (await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "GT" } })).id;
  who.admin = (await makePerson(t.db, { role: "admin" })).id;
});
afterAll(async () => t.close());

const post = async (personId: string, url: string, fields: Record<string, string>) => signedInRequest(t.db, personId, url, { method: "POST", body: new URLSearchParams(fields) });
const cohortForm = (overrides: Record<string, string> = {}) => ({
  intent: "create",
  name: "Curso nacional 2027",
  startsOn: "2027-03-01",
  endsOn: "2027-03-10",
  capacity: "70",
  locale: "es",
  countryCode: "MX",
  "course:trafficking-smuggling": "on",
  "due:trafficking-smuggling": "2027-03-08",
  "course:unaccompanied-children": "on",
  "due:unaccompanied-children": "2027-03-10",
  ...overrides,
});
const cohortsNamed = (name: string) => t.db.selectFrom("cohorts").select(["id", "capacity", "closed_at"]).where("name", "=", name).execute();

async function createAsMx(name: string): Promise<string> {
  const response = await outcome(async () => listAction({ request: await post(who.mx, "/coordinate/cohorts", cohortForm({ name })), context, params: {} }));
  expect(response.status).toBe(302);
  return response.headers.get("location")!.split("/")[3]!.split("?")[0]!;
}

describe(`cohort pages (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("creates a cohort with its capacity and two courses with due dates, and shows them back", async () => {
    const id = await createAsMx("Curso nacional 2027");
    const courses = await t.db.selectFrom("cohort_courses").select(["course_id", "due_on"]).where("cohort_id", "=", id).orderBy("course_id").execute();
    expect(courses.map((c) => [c.course_id, String(c.due_on).slice(0, 10)])).toEqual([
      ["trafficking-smuggling", "2027-03-08"],
      ["unaccompanied-children", "2027-03-10"],
    ]);
    const page = await outcome(async () => cohortLoader({ request: await signedInRequest(t.db, who.mx, `/coordinate/cohorts/${id}`), context, params: { cohortId: id } }));
    const data = await page.json();
    expect(data.values).toMatchObject({ capacity: "70", "due:trafficking-smuggling": "2027-03-08", "course:unaccompanied-children": "on" });
  });

  it("says which field is wrong and keeps what was typed; nothing is created", async () => {
    const response = await outcome(async () => listAction({ request: await post(who.mx, "/coordinate/cohorts", cohortForm({ name: "Con errores", capacity: "-3", endsOn: "2027-02-01", "due:unaccompanied-children": "mañana" })), context, params: {} }));
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.errors).toMatchObject({ capacity: "cohortAdmin.form.badCapacity", endsOn: "cohortAdmin.form.endBeforeStart" });
    expect(data.values.name).toBe("Con errores");
    const again = await outcome(async () => listAction({ request: await post(who.mx, "/coordinate/cohorts", cohortForm({ name: "Con errores", "due:unaccompanied-children": "mañana" })), context, params: {} }));
    expect((await again.json()).errors).toEqual({ "due:unaccompanied-children": "cohortAdmin.form.badDate" });
    expect(await cohortsNamed("Con errores")).toEqual([]);
  });

  it("refuses a country coordinator another country's cohort, by form and by tampered field", async () => {
    const id = await createAsMx("Curso de México");
    // Guatemala's coordinator: the page and every action answer 404, and nothing changes.
    const page = await outcome(async () => cohortLoader({ request: await signedInRequest(t.db, who.gt, `/coordinate/cohorts/${id}`), context, params: { cohortId: id } }));
    expect(page.status).toBe(404);
    for (const fields of [cohortForm({ intent: "update", capacity: "5" }), { intent: "close" }, { intent: "copy", name: "Robada" }] as Record<string, string>[]) {
      const response = await outcome(async () => cohortAction({ request: await post(who.gt, `/coordinate/cohorts/${id}`, fields), context, params: { cohortId: id } }));
      expect(response.status, fields.intent).toBe(404);
    }
    expect(await cohortsNamed("Curso de México")).toEqual([{ id, capacity: 70, closed_at: null }]);
    expect(await cohortsNamed("Robada")).toEqual([]);
    // Mexico's coordinator cannot create in, or move the cohort to, Guatemala (a tampered select).
    const elsewhere = await outcome(async () => listAction({ request: await post(who.mx, "/coordinate/cohorts", cohortForm({ name: "En Guatemala", countryCode: "GT" })), context, params: {} }));
    expect(elsewhere.status).toBe(400);
    expect(await cohortsNamed("En Guatemala")).toEqual([]);
    const moved = await outcome(async () => cohortAction({ request: await post(who.mx, `/coordinate/cohorts/${id}`, cohortForm({ intent: "update", name: "Curso de México", countryCode: "GT" })), context, params: { cohortId: id } }));
    expect(moved.status).toBe(400);
    expect((await t.db.selectFrom("cohorts").select("country_code").where("id", "=", id).executeTakeFirstOrThrow()).country_code).toBe("MX");
  });

  it("closes a cohort: read-only from then on, and copies it as the next run without learners or dates", async () => {
    const id = await createAsMx("Edición 1");
    const closed = await outcome(async () => cohortAction({ request: await post(who.mx, `/coordinate/cohorts/${id}`, { intent: "close" }), context, params: { cohortId: id } }));
    expect(closed.status).toBe(302);
    const edit = await outcome(async () => cohortAction({ request: await post(who.mx, `/coordinate/cohorts/${id}`, cohortForm({ intent: "update", name: "Edición 1 cambiada" })), context, params: { cohortId: id } }));
    expect(edit.status).toBe(400);
    expect((await edit.json()).errors.form).toBe("cohortAdmin.refused.closed");
    const copy = await outcome(async () => cohortAction({ request: await post(who.mx, `/coordinate/cohorts/${id}`, { intent: "copy", name: "Edición 2" }), context, params: { cohortId: id } }));
    expect(copy.status).toBe(302);
    const [next] = await cohortsNamed("Edición 2");
    expect(next).toMatchObject({ capacity: 70, closed_at: null });
    const courses = await t.db.selectFrom("cohort_courses").select(["course_id", "due_on"]).where("cohort_id", "=", next!.id).execute();
    expect(courses).toHaveLength(2);
    expect(courses.every((c) => c.due_on === null)).toBe(true);
  });

  it("lists only the cohorts in the coordinator's scope", async () => {
    await createAsMx("Solo México");
    const list = async (personId: string) => (await (await outcome(async () => listLoader({ request: await signedInRequest(t.db, personId, "/coordinate/cohorts?q=solo"), context, params: {} }))).json()).rows.map((r: { name: string }) => r.name);
    expect(await list(who.mx)).toEqual(["Solo México"]);
    expect(await list(who.gt)).toEqual([]);
    expect(await list(who.admin)).toEqual(["Solo México"]);
  });
});

describe(`roles page (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("makes a person coordinator for one country, and refuses to remove the last global admin", async () => {
    const person = await makePerson(t.db);
    const granted = await outcome(async () => rolesAction({ request: await post(who.admin, "/admin/roles", { intent: "grant", email: person.email.toUpperCase(), role: "coordinator", scope: "country", country: "GT" }), context, params: {} }));
    expect(granted.status).toBe(302);
    const grant = await t.db.selectFrom("role_grants").select(["role", "scope_kind", "country_code"]).where("person_id", "=", person.id).where("role", "=", "coordinator").executeTakeFirstOrThrow();
    expect(grant).toEqual({ role: "coordinator", scope_kind: "country", country_code: "GT" });
    // A scope without its value is the form's error, not a global grant.
    const noCountry = await outcome(async () => rolesAction({ request: await post(who.admin, "/admin/roles", { intent: "grant", email: person.email, role: "admin", scope: "country", country: "" }), context, params: {} }));
    expect((await noCountry.json()).errors).toEqual({ country: "rolesAdmin.chooseScopeValue" });
    const admins = await t.db.selectFrom("role_grants").select("id").where("role", "=", "admin").where("scope_kind", "=", "global").execute();
    for (const a of admins.slice(1)) await t.db.deleteFrom("role_grants").where("id", "=", a.id).execute();
    const last = await outcome(async () => rolesAction({ request: await post(who.admin, "/admin/roles", { intent: "revoke", grantId: admins[0]!.id }), context, params: {} }));
    expect(last.status).toBe(400);
    expect((await last.json()).errors.list).toBe("rolesAdmin.refused.last-admin");
  });

  it("makes an officer of a cohort its facilitator: listed as facilitator, no longer taking a seat", async () => {
    const cohort = await createAsMx(`Con facilitación ${Math.random().toString(36).slice(2, 6)}`);
    const person = await makePerson(t.db, { cohortId: cohort });
    const granted = await outcome(async () => rolesAction({ request: await post(who.admin, "/admin/roles", { intent: "grant", email: person.email, role: "facilitator", scope: "cohort", cohort }), context, params: {} }));
    expect(granted.status).toBe(302);
    const page = await (await outcome(async () => cohortLoader({ request: await signedInRequest(t.db, who.admin, `/coordinate/cohorts/${cohort}`), context, params: { cohortId: cohort } }))).json();
    expect(page.cohort.facilitators.map((f: { id: string }) => f.id)).toEqual([person.id]);
    expect(page.cohort.learners).toBe(0);
    // Revoking the facilitator grant gives them back their place as a learner of the cohort.
    const grant = await t.db.selectFrom("role_grants").select("id").where("person_id", "=", person.id).where("role", "=", "facilitator").executeTakeFirstOrThrow();
    const revoked = await outcome(async () => rolesAction({ request: await post(who.admin, "/admin/roles", { intent: "revoke", grantId: grant.id }), context, params: {} }));
    expect(revoked.status).toBe(302);
    const after = await (await outcome(async () => cohortLoader({ request: await signedInRequest(t.db, who.admin, `/coordinate/cohorts/${cohort}`), context, params: { cohortId: cohort } }))).json();
    expect(after.cohort.facilitators).toEqual([]);
    expect(after.cohort.learners).toBe(1);
  });
});
