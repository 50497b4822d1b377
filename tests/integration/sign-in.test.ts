import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "../../app/models/sign-in.server";
import { findSessionPerson } from "../../app/models/session.server";
import { testConfig } from "../setup/context";
import { makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

const timeouts = { idleMs: testConfig.sessionIdleMs, maxMs: testConfig.sessionMaxMs };
const limits = { maxFailuresPerAccount: 10, maxFailuresPerAddress: 50, lockMs: 15 * 60_000 };

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

const attempt = (email: string, password: string, address = "198.51.100.7") => ({ email, password, address, userAgent: "vitest" });

describe(`signing in (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("opens a session with the right password, whatever the e-mail's case", async () => {
    const person = await makePerson(t.db);
    const result = await signIn(t.db, attempt(person.email.toUpperCase(), person.password), limits, timeouts);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const found = await findSessionPerson(t.db, result.token, timeouts);
    expect(found?.id).toBe(person.id);
  });

  it("refuses a wrong password and an unknown e-mail alike", async () => {
    const person = await makePerson(t.db);
    expect(await signIn(t.db, attempt(person.email, "wrong password"), limits, timeouts)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(t.db, attempt("nobody@test.sendero.test", "whatever"), limits, timeouts)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses the 11th attempt in a row even with the right password, and says until when", async () => {
    const person = await makePerson(t.db);
    for (let i = 1; i <= 9; i++) {
      expect((await signIn(t.db, attempt(person.email, `wrong ${i}`), limits, timeouts)).ok).toBe(false);
    }
    const tenth = await signIn(t.db, attempt(person.email, "wrong 10"), limits, timeouts);
    expect(tenth).toMatchObject({ ok: false, reason: "locked" });
    const eleventh = await signIn(t.db, attempt(person.email, person.password), limits, timeouts);
    expect(eleventh).toMatchObject({ ok: false, reason: "locked" });
    if (eleventh.ok || eleventh.reason !== "locked") return;
    const minutes = (eleventh.until.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15.1);
  });

  it("starts counting again after a successful sign-in", async () => {
    const person = await makePerson(t.db);
    for (let i = 1; i <= 9; i++) await signIn(t.db, attempt(person.email, `wrong ${i}`), limits, timeouts);
    expect((await signIn(t.db, attempt(person.email, person.password), limits, timeouts)).ok).toBe(true);
    for (let i = 1; i <= 9; i++) await signIn(t.db, attempt(person.email, `wrong ${i}`), limits, timeouts);
    expect((await signIn(t.db, attempt(person.email, person.password), limits, timeouts)).ok).toBe(true);
  });

  it("limits failures per address across different accounts", async () => {
    const tight = { ...limits, maxFailuresPerAddress: 5 };
    const address = "203.0.113.99";
    for (let i = 0; i < 5; i++) {
      const stranger = await makePerson(t.db);
      await signIn(t.db, attempt(stranger.email, "wrong", address), tight, timeouts);
    }
    const person = await makePerson(t.db);
    expect(await signIn(t.db, attempt(person.email, person.password, address), tight, timeouts)).toMatchObject({ reason: "locked" });
    expect((await signIn(t.db, attempt(person.email, person.password, "203.0.113.100"), tight, timeouts)).ok).toBe(true);
  });

  it("refuses a disabled account", async () => {
    const person = await makePerson(t.db);
    await t.db.updateTable("people").set({ disabled_at: new Date() }).where("id", "=", person.id).execute();
    expect(await signIn(t.db, attempt(person.email, person.password), limits, timeouts)).toEqual({ ok: false, reason: "invalid" });
  });

  // Only PostgreSQL can have several processes on one database.
  if (process.env.SENDERO_TEST_ENGINE === "postgres")
    it(
    "keeps the counters in the database, so a lock made through one process holds in another",
    async () => {
      const other = t.openAnother();
      const person = await makePerson(t.db);
      for (let i = 1; i <= 10; i++) await signIn(t.db, attempt(person.email, `wrong ${i}`), limits, timeouts);
      expect(await signIn(other, attempt(person.email, person.password), limits, timeouts)).toMatchObject({ reason: "locked" });
    },
  );
});
