// Prepares the end-to-end server's fresh database before it starts: the demo organisation, plus
// an administrator whose language is English (the only demo admin speaks Spanish, and the
// language is a person's setting, so English admin pages need an English admin of their own),
// and an officer with one record of every kind for the personal data export.
import { createDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { DEMO_PASSWORD, seedDemo } from "../../db/seeds/demo";
import { addToCohort, createPerson, grantRole } from "../../app/models/person.server";

import { ENGLISH_ADMIN, EXPORT_COHORT, EXPORT_COLLEAGUE, EXPORT_OFFICER } from "./e2e-seed-accounts";
import { recordOneOfEach } from "./personal-data";

const db = createDb({ dataDir: process.env.DATA_DIR });
try {
  await migrateToLatest(db);
  await seedDemo(db);
  await db.transaction().execute(async (trx) => {
    const id = await createPerson(trx, { email: ENGLISH_ADMIN.email, displayName: ENGLISH_ADMIN.name, locale: "en", password: DEMO_PASSWORD });
    await grantRole(trx, id, "admin", { kind: "global" }, null);
  });
  // The personal data export's officer, in a cohort of their own (no country: no demo coordinator's figures change).
  const cohort = await db.insertInto("cohorts").values({ name: EXPORT_COHORT, starts_on: null, ends_on: null }).returning("id").executeTakeFirstOrThrow();
  const ids: string[] = [];
  for (const account of [EXPORT_OFFICER, EXPORT_COLLEAGUE]) {
    const id = await createPerson(db, { email: account.email, displayName: account.name, locale: "es", password: DEMO_PASSWORD });
    await grantRole(db, id, "officer", { kind: "cohort", id: cohort.id }, null);
    await addToCohort(db, cohort.id, id, "officer");
    ids.push(id);
  }
  await recordOneOfEach(db, ids[0]!, cohort.id, { id: ids[1]! });
} finally {
  await db.destroy();
}
