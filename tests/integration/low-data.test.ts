import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as rootLoader } from "../../app/root";
import { action as accountAction, loader as accountLoader } from "../../app/routes/account";
import { action as cohortAction } from "../../app/routes/admin.low-data";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

// Low-data mode: the person's own choice wins; without one, a cohort set to low data decides.
// What the root loader reports is what decides whether the page carries any script.
let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

const context = () => testContext(t.db);

async function lowDataOf(personId: string): Promise<boolean> {
  const data = (await rootLoader({ request: await signedInRequest(t.db, personId, "/learn"), context: context(), params: {} })) as { lowData: boolean };
  return data.lowData;
}

async function choose(personId: string, dataMode: string) {
  const body = new URLSearchParams({ intent: "data-mode", dataMode });
  return outcome(async () => accountAction({ request: await signedInRequest(t.db, personId, "/account", { method: "POST", body }), context: context(), params: {} }));
}

async function setCohort(adminId: string, cohortId: string, lowData: "on" | "off") {
  const body = new URLSearchParams({ intent: "set", cohortId, lowData });
  return outcome(async () => cohortAction({ request: await signedInRequest(t.db, adminId, "/admin/low-data", { method: "POST", body }), context: context(), params: {} }));
}

describe(`low-data mode (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("is off by default, and a person can turn it on and off on the account page", async () => {
    const officer = await makePerson(t.db, { cohortId: await makeCohort(t.db) });
    expect(await lowDataOf(officer.id)).toBe(false);
    const saved = await choose(officer.id, "low");
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/account?dataMode=saved");
    expect(await lowDataOf(officer.id)).toBe(true);
    await choose(officer.id, "full");
    expect(await lowDataOf(officer.id)).toBe(false);
  });

  it("follows a cohort an admin sets to low data, unless the person chose otherwise", async () => {
    const cohort = await makeCohort(t.db);
    const admin = await makePerson(t.db, { role: "admin" });
    const follower = await makePerson(t.db, { cohortId: cohort });
    const optedOut = await makePerson(t.db, { cohortId: cohort });
    await choose(optedOut.id, "full");

    const response = await setCohort(admin.id, cohort, "on");
    expect(response.status).toBe(302);
    expect(await lowDataOf(follower.id)).toBe(true);
    expect(await lowDataOf(optedOut.id)).toBe(false);
    // The account page tells the follower what their cohort decides.
    const page = await outcome(async () => accountLoader({ request: await signedInRequest(t.db, follower.id, "/account"), context: context(), params: {} }));
    expect(await page.json()).toMatchObject({ dataMode: { choice: "cohort", cohortLowData: true }, lowData: true });

    await setCohort(admin.id, cohort, "off");
    expect(await lowDataOf(follower.id)).toBe(false);
    const logged = await t.db.selectFrom("audit_log").select(["action", "target_id"]).where("actor_id", "=", admin.id).execute();
    expect(logged).toEqual([
      { action: "cohort.low-data", target_id: cohort },
      { action: "cohort.low-data", target_id: cohort },
    ]);
  });

  it("refuses an unknown choice and an unknown cohort, and changes nothing", async () => {
    const officer = await makePerson(t.db, { cohortId: await makeCohort(t.db) });
    const admin = await makePerson(t.db, { role: "admin" });
    const refused = await choose(officer.id, "sometimes");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ errors: { dataMode: "lowData.badChoice" } });
    expect((await setCohort(admin.id, "00000000-0000-4000-8000-000000000000", "on")).status).toBe(404);
    expect(await lowDataOf(officer.id)).toBe(false);
  });
});
