import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, findSessionPerson, revokeOtherSessions, revokeSession } from "../../app/models/session.server";
import { makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";
import { hashToken } from "../../app/utils/tokens.server";

const timeouts = { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 };

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

describe(`server-side sessions (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("stores only a hash of the cookie's token", async () => {
    const person = await makePerson(t.db);
    const { token } = await createSession(t.db, person.id, timeouts, null);
    const stored = await t.db.selectFrom("sessions").select("id_hash").where("person_id", "=", person.id).execute();
    expect(stored.map((s) => s.id_hash)).toEqual([hashToken(token)]);
    expect(stored[0]?.id_hash).not.toContain(token);
  });

  it("refuses a session after sign-out", async () => {
    const person = await makePerson(t.db);
    const { token } = await createSession(t.db, person.id, timeouts, null);
    expect(await findSessionPerson(t.db, token, timeouts)).not.toBeNull();
    await revokeSession(t.db, token);
    expect(await findSessionPerson(t.db, token, timeouts)).toBeNull();
  });

  it("refuses a session idle for longer than the idle timeout", async () => {
    const person = await makePerson(t.db);
    const { token } = await createSession(t.db, person.id, timeouts, null);
    await t.db.updateTable("sessions").set({ last_seen_at: sql`now() - interval '31 minutes'` }).where("id_hash", "=", hashToken(token)).execute();
    expect(await findSessionPerson(t.db, token, timeouts)).toBeNull();
  });

  it("refuses a session past its absolute limit even when active", async () => {
    const person = await makePerson(t.db);
    const { token } = await createSession(t.db, person.id, timeouts, null);
    await t.db.updateTable("sessions").set({ expires_at: sql`now() - interval '1 second'` }).where("id_hash", "=", hashToken(token)).execute();
    expect(await findSessionPerson(t.db, token, timeouts)).toBeNull();
  });

  it("ends every other session of a person but the one kept (password change)", async () => {
    const person = await makePerson(t.db);
    const kept = await createSession(t.db, person.id, timeouts, null);
    const other = await createSession(t.db, person.id, timeouts, null);
    await revokeOtherSessions(t.db, person.id, kept.token);
    expect(await findSessionPerson(t.db, kept.token, timeouts)).not.toBeNull();
    expect(await findSessionPerson(t.db, other.token, timeouts)).toBeNull();
  });

  it("ends every session of a person who is deactivated", async () => {
    const person = await makePerson(t.db);
    const { token } = await createSession(t.db, person.id, timeouts, null);
    await t.db.updateTable("people").set({ disabled_at: new Date() }).where("id", "=", person.id).execute();
    expect(await findSessionPerson(t.db, token, timeouts)).toBeNull();
  });

  it("refuses an unknown token", async () => {
    expect(await findSessionPerson(t.db, "not-a-session", timeouts)).toBeNull();
  });

  // Only PostgreSQL can have several processes on one database.
  if (process.env.SENDERO_TEST_ENGINE === "postgres")
    it("is accepted and revoked across processes", async () => {
    const other = t.openAnother();
    const person = await makePerson(t.db);
    const { token } = await createSession(t.db, person.id, timeouts, null);
    expect((await findSessionPerson(other, token, timeouts))?.id).toBe(person.id);
    await revokeSession(other, token);
    expect(await findSessionPerson(t.db, token, timeouts)).toBeNull();
  });
});
