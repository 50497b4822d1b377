// `npm run retention:apply`: applies the retention policy now (what the daily job does), whether
// or not a day has passed since the last run, and prints what it deleted.
import { createDb } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { loadConfig } from "../app/config.server";
import { applyRetention } from "../app/models/privacy/retention.server";

const config = loadConfig();
const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(db);
  const deleted = await db.transaction().execute((trx) => applyRetention(trx, new Date()));
  process.stdout.write(`Retention applied: ${JSON.stringify(deleted)}\n`);
} finally {
  await db.destroy();
}
