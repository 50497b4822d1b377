import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantsCover, grantsOf, grantsFor } from "../../app/models/access.server";
import { listPeopleInScope } from "../../app/models/people.server";
import { loader as coordinateLoader } from "../../app/routes/coordinate._index";
import { loader as adminLoader } from "../../app/routes/admin._index";
import { loader as learnLoader } from "../../app/routes/learn._index";
import { anonymousRequest, outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makeInstitution, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let mxInstitution: string;
let gtInstitution: string;
let cohort: string;
const people: Record<string, string> = {};

beforeAll(async () => {
  t = await openTestDb();
  mxInstitution = await makeInstitution(t.db, "MX");
  gtInstitution = await makeInstitution(t.db, "GT");
  cohort = await makeCohort(t.db);
  people.mx = (await makePerson(t.db, { countryCode: "MX", institutionId: mxInstitution, name: "Mexicana" })).id;
  people.gt = (await makePerson(t.db, { countryCode: "GT", institutionId: gtInstitution, name: "Guatemalteca" })).id;
  people.inCohort = (await makePerson(t.db, { countryCode: "GT", cohortId: cohort, name: "En el grupo" })).id;
});
afterAll(async () => t.close());

async function visibleTo(scope: Parameters<typeof makePerson>[1]) {
  const coordinator = await makePerson(t.db, { role: "coordinator", ...scope });
  const grants = grantsFor(await grantsOf(t.db, coordinator.id), "read:progress");
  const { rows } = await listPeopleInScope(t.db, grants, { limit: 100, offset: 0 });
  return rows.map((r) => r.display_name);
}

describe(`scope is enforced in SQL (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("shows a country coordinator only the people of that country", async () => {
    const names = await visibleTo({ scope: { kind: "country", code: "MX" } });
    expect(names).toContain("Mexicana");
    expect(names).not.toContain("Guatemalteca");
    expect(names).not.toContain("En el grupo");
  });

  it("shows an institution coordinator only that institution", async () => {
    const names = await visibleTo({ scope: { kind: "institution", id: gtInstitution } });
    expect(names).toEqual(["Guatemalteca"]);
  });

  it("shows a cohort coordinator only the members of the cohort", async () => {
    const names = await visibleTo({ scope: { kind: "cohort", id: cohort } });
    expect(names).toEqual(["En el grupo"]);
  });

  it("lets a country grant cover that country's institutions, and nothing else", async () => {
    const grants = [{ role: "coordinator" as const, scope_kind: "country" as const, country_code: "MX", institution_id: null, cohort_id: null }];
    expect(await grantsCover(t.db, grants, { kind: "institution", id: mxInstitution })).toBe(true);
    expect(await grantsCover(t.db, grants, { kind: "institution", id: gtInstitution })).toBe(false);
    expect(await grantsCover(t.db, grants, { kind: "cohort", id: cohort })).toBe(false);
  });
});

describe(`guards (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("sends a signed-out visitor to the sign-in page, coming back afterwards", async () => {
    const response = await outcome(() => coordinateLoader({ request: anonymousRequest("/coordinate?q=x"), context: testContext(t.db), params: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent("/coordinate?q=x")}`);
  });

  it("answers 403 to an officer opening the coordination area", async () => {
    const officer = await makePerson(t.db, { cohortId: cohort });
    const request = await signedInRequest(t.db, officer.id, "/coordinate");
    const response = await outcome(() => coordinateLoader({ request, context: testContext(t.db), params: {} }));
    expect(response.status).toBe(403);
  });

  it("answers 403 to a coordinator opening administration, 200 to an admin", async () => {
    const coordinator = await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "MX" } });
    const admin = await makePerson(t.db, { role: "admin" });
    const context = testContext(t.db);
    expect((await outcome(async () => adminLoader({ request: await signedInRequest(t.db, coordinator.id, "/admin"), context, params: {} }))).status).toBe(403);
    expect((await outcome(async () => adminLoader({ request: await signedInRequest(t.db, admin.id, "/admin"), context, params: {} }))).status).toBe(200);
  });

  it("lets every role into its own learning area", async () => {
    const facilitator = await makePerson(t.db, { role: "facilitator", cohortId: cohort });
    const response = await outcome(async () => learnLoader({ request: await signedInRequest(t.db, facilitator.id, "/learn"), context: testContext(t.db), params: {} }));
    expect(response.status).toBe(200);
  });
});
