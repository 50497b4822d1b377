import { Migrator, type MigrationResultSet } from "kysely";
import type { DB } from "./client";
import { migrations } from "./migrations/index";

/** Brings the schema to the latest migration; safe to run from several processes at once. */
export async function migrateToLatest(db: DB): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Features are built on parallel branches: a migration merged later may sort before one an
    // existing database already ran. Each migration is independent of the others' order.
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
