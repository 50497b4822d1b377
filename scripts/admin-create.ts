// `npm run admin:create -- --email ana@example.org --name "Ana Pérez" [--locale es] [--force]`:
// makes a global administrator on a new installation and prints a one-time link (valid
// RESET_LINK_HOURS) where they set their password. Refuses when an admin exists, unless --force.
import { parseArgs } from "node:util";
import { createDb } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { loadConfig } from "../app/config.server";
import { isLocale } from "../app/i18n/locales";
import { createFirstAdmin } from "../app/models/first-admin.server";

const USAGE = 'Usage: npm run admin:create -- --email <address> --name "<full name>" [--locale es|en] [--force]';

function fail(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, locale: { type: "string", default: "es" }, force: { type: "boolean", default: false } } }).values;
} catch (error) {
  fail((error as Error).message);
}
const email = args.email?.trim() ?? "";
const name = args.name?.trim() ?? "";
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail("--email must be an email address.");
if (!name || name.length > 120) fail("--name is required (at most 120 characters).");
if (!isLocale(args.locale)) fail("--locale must be es or en.");

const config = loadConfig();
const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrateToLatest(db);
  const result = await createFirstAdmin(db, { email, name, locale: args.locale, force: args.force ?? false, resetLinkMs: config.resetLinkMs });
  if (!result.ok) {
    console.error("A global administrator already exists; nothing was changed. Use --force to add another one.");
    process.exitCode = 1;
  } else {
    const origin = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, "");
    console.log(result.created ? `Administrator created: ${email}` : `Existing account made administrator: ${email}`);
    console.log(`Open this link once to set the password (valid ${config.resetLinkMs / 3_600_000} h):`);
    console.log(`${origin}/reset/${result.token}`);
  }
} finally {
  await db.destroy();
}
