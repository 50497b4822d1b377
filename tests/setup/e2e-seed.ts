// Prepares the end-to-end server's fresh database before it starts: the demo organisation, plus
// an administrator whose language is English (the only demo admin speaks Spanish, and the
// language is a person's setting, so English admin pages need an English admin of their own),
// and an officer with one record of every kind for the personal data export.
import { createDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { DEMO_PASSWORD, seedDemo } from "../../db/seeds/demo";
import { addToCohort, createPerson, grantRole } from "../../app/models/person.server";

import { ENGLISH_ADMIN, ERASURE_PEOPLE, EXPORT_COHORT, EXPORT_COLLEAGUE, EXPORT_OFFICER } from "./e2e-seed-accounts";
import { EXPORT_COURSE, recordOneOfEach } from "./personal-data";

const db = createDb({ dataDir: process.env.DATA_DIR });
try {
  await migrateToLatest(db);
  await seedDemo(db);
  await db.transaction().execute(async (trx) => {
    const id = await createPerson(trx, { email: ENGLISH_ADMIN.email, displayName: ENGLISH_ADMIN.name, locale: "en", password: DEMO_PASSWORD });
    await grantRole(trx, id, "admin", { kind: "global" }, null);
  });
  // The personal data export's officer, in a cohort of their own.
  await officersWithOneOfEach(EXPORT_COHORT, EXPORT_OFFICER, EXPORT_COLLEAGUE);
  // The people the erasure e2e erases, with the same records (a post, progress, a certificate).
  for (const { cohort, person, colleague } of Object.values(ERASURE_PEOPLE)) await officersWithOneOfEach(cohort, person, colleague);
} finally {
  await db.destroy();
}

/** A cohort of its own (no country: no demo coordinator's figures change) with two officers; the first has one record of every kind. */
async function officersWithOneOfEach(cohortName: string, ...accounts: { email: string; name: string }[]) {
  const cohort = await db.insertInto("cohorts").values({ name: cohortName, starts_on: null, ends_on: null }).returning("id").executeTakeFirstOrThrow();
  // Given the course its records are in, so the coordinator's figures and lists count them.
  await db.insertInto("cohort_courses").values({ cohort_id: cohort.id, course_id: EXPORT_COURSE, due_on: null }).execute();
  const ids: string[] = [];
  for (const account of accounts) {
    const id = await createPerson(db, { email: account.email, displayName: account.name, locale: "es", password: DEMO_PASSWORD });
    await grantRole(db, id, "officer", { kind: "cohort", id: cohort.id }, null);
    await addToCohort(db, cohort.id, id, "officer");
    ids.push(id);
  }
  await recordOneOfEach(db, ids[0]!, cohort.id, { id: ids[1]! });
}
