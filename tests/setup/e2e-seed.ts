// Prepares the end-to-end server's fresh database before it starts: the demo organisation, plus
// an administrator whose language is English (the only demo admin speaks Spanish, and the
// language is a person's setting, so English admin pages need an English admin of their own).
import { createDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { DEMO_PASSWORD, seedDemo } from "../../db/seeds/demo";
import { createPerson, grantRole } from "../../app/models/person.server";

import { ENGLISH_ADMIN } from "./e2e-seed-accounts";

const db = createDb({ dataDir: process.env.DATA_DIR });
try {
  await migrateToLatest(db);
  await seedDemo(db);
  await db.transaction().execute(async (trx) => {
    const id = await createPerson(trx, { email: ENGLISH_ADMIN.email, displayName: ENGLISH_ADMIN.name, locale: "en", password: DEMO_PASSWORD });
    await grantRole(trx, id, "admin", { kind: "global" }, null);
  });
} finally {
  await db.destroy();
}
