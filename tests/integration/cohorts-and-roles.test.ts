import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantsOf } from "../../app/models/access.server";
import { closeCohort, copyCohort, createCohort, findManagedCohort, listManagedCohorts, updateCohort, type CohortFields } from "../../app/models/cohort-admin.server";
import { grantByEmail, revokeGrant } from "../../app/models/role-grants.server";
import { makeCountry, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
  await makeCountry(t.db, "MX");
  await makeCountry(t.db, "GT");
});
afterAll(async () => t.close());

const fields = (overrides: Partial<CohortFields> = {}): CohortFields => ({
  name: "Curso nacional",
  startsOn: "2027-03-01",
  endsOn: "2027-03-10",
  capacity: 50,
  locale: "es",
  lowData: false,
  countryCode: "MX",
  courses: [{ courseId: "trafficking-smuggling", dueOn: "2027-03-10" }],
  ...overrides,
});

describe(`cohorts managed within a scope (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("lets a country coordinator run that country's cohorts and no other", async () => {
    const mx = await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "MX" } });
    const gt = await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "GT" } });
    const mxGrants = await grantsOf(t.db, mx.id);
    const gtGrants = await grantsOf(t.db, gt.id);
    const created = await createCohort(t.db, { id: mx.id }, mxGrants, fields());
    if (!created.ok) throw new Error(created.code);
    // Another country, or a regional run, by the form's country field: refused, nothing written.
    expect(await createCohort(t.db, { id: mx.id }, mxGrants, fields({ countryCode: "GT" }))).toEqual({ ok: false, code: "out-of-scope" });
    expect(await createCohort(t.db, { id: mx.id }, mxGrants, fields({ countryCode: null }))).toEqual({ ok: false, code: "out-of-scope" });
    // Guatemala's coordinator neither sees nor edits it, and Mexico's cannot move it to Guatemala.
    expect(await findManagedCohort(t.db, gtGrants, created.id)).toBeNull();
    expect((await listManagedCohorts(t.db, gtGrants, { search: "", limit: 25, offset: 0 })).rows).toEqual([]);
    expect(await updateCohort(t.db, { id: gt.id }, gtGrants, created.id, fields({ countryCode: "GT" }))).toEqual({ ok: false, code: "missing" });
    expect(await updateCohort(t.db, { id: mx.id }, mxGrants, created.id, fields({ countryCode: "GT" }))).toEqual({ ok: false, code: "out-of-scope" });
    expect(await closeCohort(t.db, { id: gt.id }, gtGrants, created.id)).toEqual({ ok: false, code: "missing" });
    const stored = await findManagedCohort(t.db, mxGrants, created.id);
    expect(stored).toMatchObject({ country_code: "MX", capacity: 50, courses: [{ course_id: "trafficking-smuggling", due_on: "2027-03-10" }] });
    const space = await t.db.selectFrom("dialogue_space_cohorts").select("space_id").where("cohort_id", "=", created.id).execute();
    expect(space).toHaveLength(1);
  });

  it("copies a run as the next one's template and closes a run read-only", async () => {
    const admin = await makePerson(t.db, { role: "admin" });
    const grants = await grantsOf(t.db, admin.id);
    const created = await createCohort(t.db, { id: admin.id }, grants, fields({ countryCode: null, name: "Regional 2027" }));
    if (!created.ok) throw new Error(created.code);
    const facilitator = await makePerson(t.db);
    expect((await grantByEmail(t.db, { id: admin.id }, facilitator.email, "facilitator", { kind: "cohort", id: created.id })).ok).toBe(true);
    const copy = await copyCohort(t.db, { id: admin.id }, grants, created.id, "Regional 2028");
    if (!copy.ok) throw new Error(copy.code);
    expect(await findManagedCohort(t.db, grants, copy.id)).toMatchObject({ name: "Regional 2028", capacity: 50, copied_from: created.id, starts_on: null, courses: [{ course_id: "trafficking-smuggling", due_on: null }], facilitators: [{ id: facilitator.id }] });
    expect((await closeCohort(t.db, { id: admin.id }, grants, created.id)).ok).toBe(true);
    expect(await updateCohort(t.db, { id: admin.id }, grants, created.id, fields())).toEqual({ ok: false, code: "closed" });
  });
});

describe(`roles (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("grants and revokes with an audit line each, and refuses to remove the last global admin", async () => {
    const db = (await openTestDb());
    try {
      const first = await makePerson(db.db, { role: "admin" });
      const firstGrant = await db.db.selectFrom("role_grants").select("id").where("person_id", "=", first.id).executeTakeFirstOrThrow();
      expect(await revokeGrant(db.db, { id: first.id }, firstGrant.id)).toEqual({ ok: false, code: "last-admin" });
      const second = await makePerson(db.db, { role: "officer" });
      expect((await grantByEmail(db.db, { id: first.id }, second.email, "admin", { kind: "global" })).ok).toBe(true);
      expect(await grantByEmail(db.db, { id: first.id }, second.email, "admin", { kind: "global" })).toEqual({ ok: false, code: "exists" });
      expect((await revokeGrant(db.db, { id: second.id }, firstGrant.id)).ok).toBe(true);
      const secondGrant = await db.db.selectFrom("role_grants").select("id").where("person_id", "=", second.id).where("role", "=", "admin").executeTakeFirstOrThrow();
      expect(await revokeGrant(db.db, { id: second.id }, secondGrant.id)).toEqual({ ok: false, code: "last-admin" });
      const lines = await db.db.selectFrom("audit_log").select(["action", "actor_id"]).where("action", "like", "role.%").orderBy("id").execute();
      expect(lines).toEqual([
        { action: "role.granted", actor_id: first.id },
        { action: "role.revoked", actor_id: second.id },
      ]);
    } finally {
      await db.close();
    }
  });
});
