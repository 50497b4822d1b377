import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader } from "../../app/routes/admin.audit";
import { audit } from "../../app/models/audit.server";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

// /admin/audit narrows the log by who acted, what they did and whom it was about.
let t: TestDb;
const who = { admin: "", other: "", target: "" };
beforeAll(async () => {
  t = await openTestDb();
  who.admin = (await makePerson(t.db, { role: "admin", name: "Rosa Auditora" })).id;
  who.other = (await makePerson(t.db, { role: "admin", name: "Mario Segundo" })).id;
  who.target = (await makePerson(t.db, { name: "Julia Destinataria" })).id;
  await audit(t.db, { actorId: who.admin, action: "role.granted", targetType: "person", targetId: who.target });
  await audit(t.db, { actorId: who.other, action: "person.deactivated", targetType: "person", targetId: who.target });
  await audit(t.db, { actorId: who.other, action: "cohort.created", targetType: "cohort", targetId: "00000000-0000-4000-8000-000000000001" });
});
afterAll(async () => t.close());

async function actions(query: string): Promise<string[]> {
  const response = await outcome(async () => loader({ request: await signedInRequest(t.db, who.admin, `/admin/audit?${query}`), context: testContext(t.db), params: {} }));
  const data = await response.json();
  return data.rows.map((r: { action: string }) => r.action);
}

describe(`audit log filters (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("filters by actor, action and target, alone and together", async () => {
    expect(await actions("actor=mario")).toEqual(["cohort.created", "person.deactivated"]);
    expect(await actions("action=role.granted")).toEqual(["role.granted"]);
    expect(await actions("target=destinataria")).toEqual(["person.deactivated", "role.granted"]);
    expect(await actions("target=00000000-0000-4000-8000-000000000001")).toEqual(["cohort.created"]);
    expect(await actions("actor=rosa&target=julia")).toEqual(["role.granted"]);
    expect(await actions("actor=nadie")).toEqual([]);
  });
});
