import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import { issueCertificate } from "../../app/models/certificate.server";
import { addCountry, listCountries, retireCountry } from "../../app/models/countries.server";
import { addUnit, createInstitution, mergeInstitutions } from "../../app/models/institutions.server";
import { makeCountry, makeInstitution, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let actor: { id: string };
beforeAll(async () => {
  t = await openTestDb();
  actor = { id: (await makePerson(t.db, { role: "admin" })).id };
});
afterAll(async () => t.close());

const count = async (table: "item_progress" | "course_progress" | "certificates", people: string[]) =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where("person_id", "in", people).executeTakeFirstOrThrow()).n);

describe(`countries (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("adds a country by ISO code with its name from Intl, refuses unknown codes and twins, retires and restores", async () => {
    expect(await addCountry(t.db, actor, "pe")).toEqual({ ok: true, code: "PE" });
    expect(await addCountry(t.db, actor, "PE")).toEqual({ ok: false, code: "exists" });
    expect(await addCountry(t.db, actor, "ZZ")).toEqual({ ok: false, code: "unknown-code" });
    expect(await addCountry(t.db, actor, "Peru")).toEqual({ ok: false, code: "unknown-code" });
    const listed = await listCountries(t.db, "es", { search: "perú", limit: 10, offset: 0 });
    expect(listed.rows.map((r) => [r.code, r.name])).toEqual([["PE", "Perú"]]);
    expect((await retireCountry(t.db, actor, "PE")).ok).toBe(true);
    expect(await addCountry(t.db, actor, "PE")).toEqual({ ok: true, code: "PE" });
    const actions = await t.db.selectFrom("audit_log").select("action").where("target_id", "=", "PE").orderBy("id").execute();
    expect(actions.map((a) => a.action)).toEqual(["country.added", "country.retired", "country.restored"]);
  });
});

describe(`merging institutions (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("moves people, units and grants and keeps every progress row and certificate", async () => {
    await makeCountry(t.db, "CO");
    const from = await createInstitution(t.db, actor, "CO", { name: "Migración Colombia (antigua)", shortName: "MC-A", kind: "migration" });
    const into = await createInstitution(t.db, actor, "CO", { name: "Migración Colombia", shortName: "MC", kind: "migration" });
    if (!from.ok || !into.ok) throw new Error("setup");
    const sharedName = await addUnit(t.db, actor, from.id, "Puesto Rumichaca");
    const ownName = await addUnit(t.db, actor, from.id, "Oficina Cali");
    const kept = await addUnit(t.db, actor, into.id, "Puesto Rumichaca");
    if (!sharedName.ok || !ownName.ok || !kept.ok) throw new Error("setup");
    const people = await Promise.all([1, 2, 3].map(() => makePerson(t.db, { countryCode: "CO", institutionId: from.id })));
    const ids = people.map((p) => p.id);
    await t.db.updateTable("people").set({ unit_id: sharedName.id }).where("id", "=", ids[0]!).execute();
    const coordinator = await makePerson(t.db, { role: "coordinator", scope: { kind: "institution", id: from.id } });
    const course = loadContent("content/courses").catalog.courses.get("trafficking-smuggling")!;
    for (const id of ids) {
      await t.db.insertInto("item_progress").values({ person_id: id, course_id: course.id, item_id: "what-is-trafficking", completed_at: new Date() }).execute();
      await t.db.insertInto("course_progress").values({ person_id: id, course_id: course.id, completed_at: new Date() }).execute();
      await issueCertificate(t.db, id, course);
    }
    const before = { items: await count("item_progress", ids), courses: await count("course_progress", ids), certificates: await count("certificates", ids) };

    expect(await mergeInstitutions(t.db, actor, from.id, into.id)).toEqual({ ok: true, people: 3, units: 2, grants: 1 });

    const moved = await t.db.selectFrom("people").select(["institution_id", "unit_id"]).where("id", "in", ids).execute();
    expect(moved.every((p) => p.institution_id === into.id)).toBe(true);
    expect(moved.some((p) => p.unit_id === kept.id)).toBe(true);
    const units = await t.db.selectFrom("units").select("name").where("institution_id", "=", into.id).orderBy("name").execute();
    expect(units.map((u) => u.name)).toEqual(["Oficina Cali", "Puesto Rumichaca"]);
    const grant = await t.db.selectFrom("role_grants").select("institution_id").where("person_id", "=", coordinator.id).executeTakeFirstOrThrow();
    expect(grant.institution_id).toBe(into.id);
    expect({ items: await count("item_progress", ids), courses: await count("course_progress", ids), certificates: await count("certificates", ids) }).toEqual(before);
    const old = await t.db.selectFrom("institutions").select(["retired_at", "merged_into"]).where("id", "=", from.id).executeTakeFirstOrThrow();
    expect(old.merged_into).toBe(into.id);
    expect(old.retired_at).not.toBeNull();
    const audit = await t.db.selectFrom("audit_log").select("action").where("target_id", "=", from.id).where("action", "=", "institution.merged").execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses merging into itself, across countries, or a retired institution, and changes nothing", async () => {
    const a = await makeInstitution(t.db, "CO");
    const b = await makeInstitution(t.db, "PA");
    expect(await mergeInstitutions(t.db, actor, a, a)).toEqual({ ok: false, code: "same" });
    expect(await mergeInstitutions(t.db, actor, a, b)).toEqual({ ok: false, code: "other-country" });
    const c = await makeInstitution(t.db, "CO");
    expect((await mergeInstitutions(t.db, actor, c, a)).ok).toBe(true);
    expect(await mergeInstitutions(t.db, actor, a, c)).toEqual({ ok: false, code: "retired" });
  });
});
