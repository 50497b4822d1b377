import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGliteDialect } from "./pglite-dialect";

interface Counter {
  counters: { id: number; value: number };
}

let db: Kysely<Counter>;
beforeAll(async () => {
  db = new Kysely<Counter>({ dialect: new PGliteDialect(new PGlite()) });
  await sql`create table counters (id int primary key, value int not null)`.execute(db);
  await db.insertInto("counters").values({ id: 1, value: 0 }).execute();
}, 30_000);
afterAll(async () => db.destroy());

describe("the PGlite dialect", () => {
  it("runs concurrent read-then-write transactions one after the other, losing no update", async () => {
    const increment = () =>
      db.transaction().execute(async (trx) => {
        const { value } = await trx.selectFrom("counters").select("value").where("id", "=", 1).executeTakeFirstOrThrow();
        await new Promise((r) => setTimeout(r, 5));
        await trx.updateTable("counters").set({ value: value + 1 }).where("id", "=", 1).execute();
      });
    await Promise.all(Array.from({ length: 10 }, increment));
    const { value } = await db.selectFrom("counters").select("value").where("id", "=", 1).executeTakeFirstOrThrow();
    expect(value).toBe(10);
  });

  it("rolls a failed transaction back", async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable("counters").set({ value: 999 }).where("id", "=", 1).execute();
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    const { value } = await db.selectFrom("counters").select("value").where("id", "=", 1).executeTakeFirstOrThrow();
    expect(value).not.toBe(999);
  });

  it("reports how many rows a change touched", async () => {
    const result = await db.updateTable("counters").set({ value: 0 }).where("id", "=", 1).executeTakeFirst();
    expect(result.numUpdatedRows).toBe(1n);
  });
});
