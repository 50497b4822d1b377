// `npm run db:migrate`: brings the database (PGlite in DATA_DIR, or DATABASE_URL) to the latest schema.
import { createDb, engineName } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { loadConfig } from "../app/config.server";

const config = loadConfig();
const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const result = await migrateToLatest(db);
  const applied = result.results ?? [];
  console.log(`Database (${engineName(config)}): ${applied.length} migration(s) applied.`);
  for (const r of applied) console.log(`  ${r.status.padEnd(8)} ${r.migrationName}`);
} finally {
  await db.destroy();
}
