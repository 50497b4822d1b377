import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate";
import { migrations } from "../../db/migrations/index";
import { DEMO_ACCOUNTS, seedDemo } from "../../db/seeds/demo";
import { DEMO_SECOND_OFFICER } from "../../db/seeds/demo-dialogue";
import { appendLearningEvents } from "../../app/models/learning/learning-event.server";
import { makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

describe(`schema (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("lists every date-prefixed migration file, in order", () => {
    const files = readdirSync("db/migrations")
      .filter((f) => f !== "index.ts" && f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => f.replace(/\.ts$/, ""));
    expect(files.every((f) => /^\d{4}-\d{2}-\d{2}-\d{3}-[a-z0-9-]+$/.test(f))).toBe(true);
    expect(Object.keys(migrations)).toEqual(files.sort());
  });

  it("has nothing left to apply after migrating, and migrating again changes nothing", async () => {
    const again = await migrateToLatest(t.db);
    expect(again.results).toEqual([]);
  });

  it("seeds the demo organisation once, with one account per role (and a second officer for the dialogue)", async () => {
    expect(await seedDemo(t.db)).toBe(true);
    expect(await seedDemo(t.db)).toBe(false);
    const emails = await t.db.selectFrom("people").select("email").where("email", "like", "%@demo.sendero.test").orderBy("email").execute();
    expect(emails.map((e) => e.email)).toEqual([...DEMO_ACCOUNTS.map((a) => a.email), DEMO_SECOND_OFFICER.email].sort());
    // The demo cohort's general dialogue space, with a couple of conversations.
    const spaces = await t.db.selectFrom("dialogue_spaces").innerJoin("dialogue_threads", "dialogue_threads.space_id", "dialogue_spaces.id").select("dialogue_spaces.kind").execute();
    expect(spaces.map((s) => s.kind)).toEqual(["general", "general"]);
  });

  it("keeps learning events shaped like xAPI statements", async () => {
    const person = await makePerson(t.db);
    await t.db.transaction().execute((trx) =>
      appendLearningEvents(trx, [{ actorId: person.id, verb: "completed", object: { type: "lesson", id: "course-a/lesson-1" }, result: { completion: true }, context: { cohort: "x" } }]),
    );
    const row = await t.db.selectFrom("learning_events").selectAll().where("actor_id", "=", person.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ verb: "completed", object_type: "lesson", object_id: "course-a/lesson-1", result: { completion: true }, context: { cohort: "x" } });
    expect(row.timestamp).toBeInstanceOf(Date);
  });

  it("refuses a grant whose scope does not match its kind", async () => {
    const person = await makePerson(t.db);
    await expect(
      t.db.insertInto("role_grants").values({ person_id: person.id, role: "coordinator", scope_kind: "country", country_code: null, institution_id: null, cohort_id: null, granted_by: null }).execute(),
    ).rejects.toThrow();
  });
});
