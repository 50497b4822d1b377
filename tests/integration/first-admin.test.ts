import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirstAdmin } from "../../app/models/first-admin.server";
import { findOpenReset } from "../../app/models/password-reset.server";
import { openTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

const input = { email: "Primera@Test.Sendero.test", name: "Primera Admin", locale: "es", force: false, resetLinkMs: 3_600_000 };

describe(`first administrator (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("creates a global admin with a one-time password link, then refuses a second one unless forced", async () => {
    const first = await createFirstAdmin(t.db, input);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(await findOpenReset(t.db, first.token)).toMatchObject({ email: "primera@test.sendero.test" });
    const grants = await t.db.selectFrom("role_grants").select(["role", "scope_kind"]).where("person_id", "=", first.personId).execute();
    expect(grants).toEqual([{ role: "admin", scope_kind: "global" }]);

    expect(await createFirstAdmin(t.db, { ...input, email: "otra@test.sendero.test" })).toEqual({ ok: false, code: "admin-exists" });
    expect(await t.db.selectFrom("people").select("id").where("email", "=", "otra@test.sendero.test").executeTakeFirst()).toBeUndefined();

    const again = await createFirstAdmin(t.db, { ...input, force: true });
    expect(again).toMatchObject({ ok: true, personId: first.personId, created: false });
    // The new link replaces the first one.
    expect(await findOpenReset(t.db, first.token)).toBeUndefined();
  });
});
