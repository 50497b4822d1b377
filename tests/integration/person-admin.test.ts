import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as createAction } from "../../app/routes/admin.people_.new";
import { action as personAction, loader as personLoader } from "../../app/routes/admin.people_.$personId";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makeCountry, makeInstitution, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

// One person at a time from the admin's pages: create, edit, and cohorts (several at once, move, leave).
let t: TestDb;
let context: AppLoadContext;
let admin = "";
let institutionGt = "";
beforeAll(async () => {
  t = await openTestDb();
  context = testContext(t.db);
  await makeCountry(t.db, "GT");
  await makeCountry(t.db, "HN");
  institutionGt = await makeInstitution(t.db, "GT", "Instituto Guatemalteco de Migración");
  admin = (await makePerson(t.db, { role: "admin" })).id;
});
afterAll(async () => t.close());

const post = async (url: string, fields: Record<string, string>) => signedInRequest(t.db, admin, url, { method: "POST", body: new URLSearchParams(fields) });
const personForm = (overrides: Record<string, string> = {}) => ({ displayName: "Marta López", email: "marta.lopez@example.test", locale: "es", countryCode: "GT", institutionId: institutionGt, ...overrides });
const cohortsOf = async (personId: string) =>
  (await t.db.selectFrom("cohort_members").innerJoin("cohorts", "cohorts.id", "cohort_members.cohort_id").select("cohorts.name").where("person_id", "=", personId).orderBy("cohorts.name").execute()).map((r) => r.name);

describe(`one person by an admin (${process.env.SENDERO_TEST_ENGINE})`, () => {
  let personId = "";

  it("creates an account with no password and mails the link to set one; the page shows it once", async () => {
    const created = await outcome(async () => createAction({ request: await post("/admin/people/new", personForm()), context, params: {} }));
    expect(created.status).toBe(302);
    personId = created.headers.get("location")!.split("/")[3]!.split("?")[0]!;
    const person = await t.db.selectFrom("people").select(["email", "country_code", "institution_id"]).where("id", "=", personId).executeTakeFirstOrThrow();
    expect(person).toEqual({ email: "marta.lopez@example.test", country_code: "GT", institution_id: institutionGt });
    expect(await t.db.selectFrom("credentials").select("person_id").where("person_id", "=", personId).execute()).toEqual([]);
    const mail = await t.db.selectFrom("mail_outbox").select(["kind", "to_address"]).where("to_address", "=", "marta.lopez@example.test").execute();
    expect(mail).toEqual([{ kind: "password-reset", to_address: "marta.lopez@example.test" }]);
    // The redirect's flash carries the link to the person's page, once.
    const cookie = created.headers.get("set-cookie")!.split(";")[0]!;
    const request = await signedInRequest(t.db, admin, `/admin/people/${personId}?done=created`);
    request.headers.set("cookie", `${request.headers.get("cookie")}; ${cookie}`);
    const page = await (await outcome(async () => personLoader({ request, context, params: { personId } }))).json();
    expect(page.link).toMatch(/\/reset\/[A-Za-z0-9_-]+$/);
  });

  it("refuses a taken email or an institution of another country, keeping what was typed", async () => {
    const taken = await outcome(async () => createAction({ request: await post("/admin/people/new", personForm({ displayName: "Otra Marta", email: "MARTA.LOPEZ@example.test" })), context, params: {} }));
    expect(taken.status).toBe(400);
    expect(await taken.json()).toMatchObject({ errors: { email: "personAdmin.refused.email-taken" }, values: { displayName: "Otra Marta" } });
    const elsewhere = await outcome(async () => personAction({ request: await post(`/admin/people/${personId}`, { intent: "update", ...personForm({ countryCode: "HN" }) }), context, params: { personId } }));
    expect((await elsewhere.json()).errors).toEqual({ institutionId: "personAdmin.refused.institution-missing" });
    expect((await t.db.selectFrom("people").select("country_code").where("id", "=", personId).executeTakeFirstOrThrow()).country_code).toBe("GT");
  });

  it("enrols in several cohorts at once, all or nothing under capacity; moves and removes", async () => {
    const a = await makeCohort(t.db, "A · Guatemala");
    const b = await makeCohort(t.db, "B · Regional");
    const full = await makeCohort(t.db, "C · Lleno");
    await t.db.updateTable("cohorts").set({ capacity: 1 }).where("id", "=", full).execute();
    await makePerson(t.db, { cohortId: full });
    const join = (ids: string[]) => post(`/admin/people/${personId}`, { intent: "join", ...Object.fromEntries(ids.map((id) => [`cohort:${id}`, "on"])) });
    const refused = await outcome(async () => personAction({ request: await join([a, full]), context, params: { personId } }));
    expect((await refused.json()).errors).toEqual({ cohorts: "personAdmin.refused.full" });
    expect(await cohortsOf(personId)).toEqual([]);
    expect((await outcome(async () => personAction({ request: await join([a, b]), context, params: { personId } }))).status).toBe(302);
    expect(await cohortsOf(personId)).toEqual(["A · Guatemala", "B · Regional"]);
    const other = await makeCohort(t.db, "D · Siguiente");
    expect((await outcome(async () => personAction({ request: await post(`/admin/people/${personId}`, { intent: "move", from: a, to: other }), context, params: { personId } }))).status).toBe(302);
    expect(await cohortsOf(personId)).toEqual(["B · Regional", "D · Siguiente"]);
    expect((await outcome(async () => personAction({ request: await post(`/admin/people/${personId}`, { intent: "leave", cohortId: b }), context, params: { personId } }))).status).toBe(302);
    expect(await cohortsOf(personId)).toEqual(["D · Siguiente"]);
  });
});
