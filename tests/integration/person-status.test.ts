import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setPersonActive } from "../../app/models/person-status.server";
import { refusableTransaction } from "../../app/models/refusable-transaction.server";
import { createSession, findSessionPerson } from "../../app/models/session.server";
import { issueCertificate } from "../../app/models/certificate.server";
import { loadContent } from "../../app/content/load.server";
import { makeCohort, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

const timeouts = { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 };
let t: TestDb;
let admin = "";
beforeAll(async () => {
  t = await openTestDb();
  admin = (await makePerson(t.db, { role: "admin" })).id;
});
afterAll(async () => t.close());

const setActive = (personId: string, active: boolean, actorId = admin) =>
  refusableTransaction(t.db, (trx) => setPersonActive(trx, { actorId, personId, active }));

describe(`deactivating a person (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("refuses their session on the next request, keeps their certificates and memberships, and reactivation lets them sign in again", async () => {
    const cohort = await makeCohort(t.db);
    const person = await makePerson(t.db, { cohortId: cohort });
    const course = loadContent("content/courses").catalog.courses.get("trafficking-smuggling")!;
    await issueCertificate(t.db, person.id, course);
    const { token } = await createSession(t.db, person.id, timeouts, null);
    expect(await findSessionPerson(t.db, token, timeouts)).not.toBeNull();

    expect(await setActive(person.id, false)).toEqual({ ok: true, changed: true });
    expect(await findSessionPerson(t.db, token, timeouts)).toBeNull();
    const certificates = await t.db.selectFrom("certificates").select("person_id").where("person_id", "=", person.id).execute();
    expect(certificates).toHaveLength(1);
    const memberships = await t.db.selectFrom("cohort_members").select("cohort_id").where("person_id", "=", person.id).execute();
    expect(memberships).toEqual([{ cohort_id: cohort }]);

    expect(await setActive(person.id, true)).toEqual({ ok: true, changed: true });
    // The old session stays ended; a new sign-in works.
    expect(await findSessionPerson(t.db, token, timeouts)).toBeNull();
    const fresh = await createSession(t.db, person.id, timeouts, null);
    expect(await findSessionPerson(t.db, fresh.token, timeouts)).not.toBeNull();
    const actions = await t.db.selectFrom("audit_log").select("action").where("target_id", "=", person.id).orderBy("id").execute();
    expect(actions.map((a) => a.action)).toEqual(["person.deactivated", "person.reactivated"]);
  });

  it("refuses an admin deactivating their own account", async () => {
    expect(await setActive(admin, false)).toEqual({ ok: false, code: "own-account" });
  });
});
