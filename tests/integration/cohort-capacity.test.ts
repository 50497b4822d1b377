import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMembers } from "../../app/models/cohort-membership.server";
import { acceptInvitation, createInvitation } from "../../app/models/invitation.server";
import { refusableTransaction } from "../../app/models/refusable-transaction.server";
import { makeCohort, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let inviter: string;
beforeAll(async () => {
  t = await openTestDb();
  inviter = (await makePerson(t.db, { role: "admin" })).id;
});
afterAll(async () => t.close());

async function cohortOf(capacity: number | null): Promise<string> {
  const id = await makeCohort(t.db);
  await t.db.updateTable("cohorts").set({ capacity }).where("id", "=", id).execute();
  return id;
}

const learners = async (cohortId: string) =>
  Number((await t.db.selectFrom("cohort_members").select((eb) => eb.fn.countAll<number>().as("n")).where("cohort_id", "=", cohortId).where("role", "=", "officer").executeTakeFirstOrThrow()).n);

const join = (cohortId: string, personId: string, role: "officer" | "facilitator" = "officer") =>
  refusableTransaction(t.db, (trx) => addMembers(trx, cohortId, [{ personId, role }]));

describe(`cohort capacity (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("takes exactly its capacity when 20 people accept invitations at once", async () => {
    const cohort = await cohortOf(5);
    const tokens = await Promise.all(
      Array.from({ length: 20 }, () => createInvitation(t.db, { cohortId: cohort, role: "officer", email: null, note: null, createdBy: inviter, validForMs: 86_400_000 })),
    );
    const results = await Promise.all(
      tokens.map(({ token }, i) => acceptInvitation(t.db, token, { email: `plaza-${i}-${cohort.slice(0, 8)}@test.sendero.test`, displayName: `Plaza ${i}`, locale: "es", password: "una frase bastante larga" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.code))).toEqual(Array(15).fill("full"));
    expect(await learners(cohort)).toBe(5);
    // A refused acceptance leaves nothing behind: no account, and the link is still open.
    const people = await t.db.selectFrom("people").select("id").where("email", "like", `plaza-%-${cohort.slice(0, 8)}@test.sendero.test`).execute();
    expect(people).toHaveLength(5);
    const open = await t.db.selectFrom("invitations").select("id").where("cohort_id", "=", cohort).where("accepted_at", "is", null).execute();
    expect(open).toHaveLength(15);
  });

  it("takes exactly its capacity under 20 concurrent addMembers transactions", async () => {
    const cohort = await cohortOf(5);
    const people = await Promise.all(Array.from({ length: 20 }, () => makePerson(t.db)));
    const results = await Promise.all(people.map((p) => join(cohort, p.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "full")).toBe(true);
    expect(await learners(cohort)).toBe(5);
  });

  it("counts learners only, refuses all of a batch that does not fit, and lets existing members be", async () => {
    const cohort = await cohortOf(2);
    const [a, b, c, staff] = await Promise.all([makePerson(t.db), makePerson(t.db), makePerson(t.db), makePerson(t.db)]);
    expect(await join(cohort, staff!.id, "facilitator")).toEqual({ ok: true, added: 1 });
    expect(await refusableTransaction(t.db, (trx) => addMembers(trx, cohort, [a!, b!, c!].map((p) => ({ personId: p.id, role: "officer" as const }))))).toEqual({ ok: false, code: "full" });
    expect(await learners(cohort)).toBe(0);
    expect(await refusableTransaction(t.db, (trx) => addMembers(trx, cohort, [a!, b!].map((p) => ({ personId: p.id, role: "officer" as const }))))).toEqual({ ok: true, added: 2 });
    // Adding someone already in it again is not a new seat.
    expect(await join(cohort, a!.id)).toEqual({ ok: true, added: 0 });
    expect(await join(cohort, c!.id)).toEqual({ ok: false, code: "full" });
  });

  it("takes anyone when it has no capacity, and nobody once closed", async () => {
    const cohort = await cohortOf(null);
    const people = await Promise.all(Array.from({ length: 3 }, () => makePerson(t.db)));
    for (const p of people) expect((await join(cohort, p.id)).ok).toBe(true);
    await t.db.updateTable("cohorts").set({ closed_at: sql`now()` }).where("id", "=", cohort).execute();
    const late = await makePerson(t.db);
    expect(await join(cohort, late.id)).toEqual({ ok: false, code: "closed" });
    const { token } = await createInvitation(t.db, { cohortId: cohort, role: "officer", email: null, note: null, createdBy: inviter, validForMs: 86_400_000 });
    expect(await acceptInvitation(t.db, token, { email: `tarde-${cohort.slice(0, 8)}@test.sendero.test`, displayName: "Tarde", locale: "es", password: "una frase bastante larga" })).toEqual({ ok: false, code: "closed" });
  });
});
