import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation, createInvitation, findInvitation, revokeInvitation } from "../../app/models/invitation.server";
import { signIn } from "../../app/models/sign-in.server";
import { makeCohort, makePerson } from "../setup/factories";
import { testConfig } from "../setup/context";
import { openTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let cohort: string;
let inviter: string;
beforeAll(async () => {
  t = await openTestDb();
  cohort = await makeCohort(t.db, "Grupo Tapachula");
  inviter = (await makePerson(t.db, { role: "admin" })).id;
});
afterAll(async () => t.close());

const invite = (overrides: Partial<Parameters<typeof createInvitation>[1]> = {}) =>
  createInvitation(t.db, { cohortId: cohort, role: "officer", email: null, note: null, createdBy: inviter, validForMs: 86_400_000, ...overrides });

const account = (email: string) => ({ email, displayName: "Nueva Persona", locale: "en", password: "una frase bastante larga" });

describe(`joining by invitation (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("creates the account with its role, cohort and chosen language, and records it", async () => {
    const { token, id } = await invite({ role: "facilitator" });
    const result = await acceptInvitation(t.db, token, account("nueva@test.sendero.test"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const person = await t.db.selectFrom("people").selectAll().where("id", "=", result.personId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ email: "nueva@test.sendero.test", display_name: "Nueva Persona", locale: "en" });
    const grants = await t.db.selectFrom("role_grants").select(["role", "scope_kind", "cohort_id"]).where("person_id", "=", result.personId).execute();
    expect(grants).toEqual([{ role: "facilitator", scope_kind: "cohort", cohort_id: cohort }]);
    const membership = await t.db.selectFrom("cohort_members").select("role").where("person_id", "=", result.personId).execute();
    expect(membership).toEqual([{ role: "facilitator" }]);
    const audit = await t.db.selectFrom("audit_log").select("action").where("target_id", "=", id).execute();
    expect(audit.map((a) => a.action)).toContain("invitation.accepted");
    const limits = testConfig.login;
    const signedIn = await signIn(t.db, { email: "nueva@test.sendero.test", password: "una frase bastante larga", address: "192.0.2.5", userAgent: null }, limits, { idleMs: 1e6, maxMs: 1e7 });
    expect(signedIn.ok).toBe(true);
  });

  it("can be used only once", async () => {
    const { token } = await invite();
    expect((await acceptInvitation(t.db, token, account("una@test.sendero.test"))).ok).toBe(true);
    expect(await acceptInvitation(t.db, token, account("otra@test.sendero.test"))).toEqual({ ok: false, code: "unusable" });
    expect((await findInvitation(t.db, token))?.state).toBe("accepted");
  });

  it("refuses an expired or revoked invitation", async () => {
    const expired = await invite();
    await t.db.updateTable("invitations").set({ expires_at: sql`now() - interval '1 minute'` }).where("id", "=", expired.id).execute();
    expect(await acceptInvitation(t.db, expired.token, account("tarde@test.sendero.test"))).toEqual({ ok: false, code: "unusable" });
    expect((await findInvitation(t.db, expired.token))?.state).toBe("expired");

    const revoked = await invite();
    expect(await revokeInvitation(t.db, revoked.id)).toBe(true);
    expect(await acceptInvitation(t.db, revoked.token, account("anulada@test.sendero.test"))).toEqual({ ok: false, code: "unusable" });
  });

  it("refuses an e-mail that already has an account, and leaves the invitation usable", async () => {
    const existing = await makePerson(t.db);
    const { token } = await invite();
    expect(await acceptInvitation(t.db, token, account(existing.email))).toEqual({ ok: false, code: "email-taken" });
    expect((await findInvitation(t.db, token))?.state).toBe("open");
  });

  it("knows nothing of a made-up link", async () => {
    expect(await findInvitation(t.db, "made-up")).toBeNull();
  });
});
