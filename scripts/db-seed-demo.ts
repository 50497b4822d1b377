// `npm run db:seed-demo`: migrates, then creates the demo organisation and accounts if absent.
import { createDb } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "../db/seeds/demo";
import { loadConfig } from "../app/config.server";

const config = loadConfig();
const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(db);
  const created = await seedDemo(db);
  console.log(created ? "Demo organisation created." : "Demo organisation already present.");
  console.log(`Accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}`);
} finally {
  await db.destroy();
}
