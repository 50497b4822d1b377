// `npm run bench:import -- [--rows 10000] [--engine postgresql|pglite|both]`
// Times a bulk-enrolment import of a generated file (issue: "10,000 rows in under 30 s on
// PostgreSQL") through the app's own models, on an empty, migrated database: the dry run, the
// first import (every row a new person, sign-in mails queued) and a re-import (every row a skip).
// Writes bench/results/enrolment-import.json and a section of bench/RESULTS.md. See bench/README.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { readSpreadsheet } from "../app/import/read-file.server";
import { gitCommit } from "./lib/git-commit";
import { GLOBAL_ADMIN_GRANTS } from "../app/models/access.server";
import { importEnrolment, previewEnrolment, type Upload } from "../app/models/enrolment-file.server";
import { grantRole } from "../app/models/person.server";
import { createDb, type DB } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { startPostgres } from "../tests/setup/postgres";
import type { Engine } from "./targets";

const TARGET_SECONDS = 30;
// Ports 3800-3899 belong to the benchmarks; bench/run.ts uses 3801-3850.
const POSTGRES_PORT = 3860;
const RESULTS_JSON = "bench/results/enrolment-import.json";
const SECTION = "## Bulk enrolment import";

const { values: args } = parseArgs({
  options: { rows: { type: "string", default: "10000" }, engine: { type: "string", default: "postgresql" } },
});
const rows = Number(args.rows);
if (!Number.isInteger(rows) || rows < 1) throw new Error("--rows: a whole number ≥ 1");
if (!["postgresql", "pglite", "both"].includes(args.engine!)) throw new Error("--engine: postgresql, pglite or both");
const engines: Engine[] = args.engine === "both" ? ["postgresql", "pglite"] : [args.engine as Engine];
const log = (line: string) => process.stdout.write(`${line}\n`);

interface Phase {
  id: string;
  label: string;
  seconds: number;
}

interface Run {
  engine: Engine;
  phases: Phase[];
  firstImport: { seconds: number; targetSeconds: number; pass: boolean; created: number; mailsQueued: number };
  reimport: { created: number; updated: number; skipped: number; newPeople: number };
}

const header = ["email", "name", "language", "country", "institution"];
const INSTITUTIONS = { GT: "Instituto Guatemalteco de Migración", HN: "Instituto Nacional de Migración Honduras" };
// Half the rows in each country, alternating; a few in English so the mails use both templates.
const lines = Array.from({ length: rows }, (_, i) => {
  const country = i % 2 === 0 ? "GT" : "HN";
  const n = String(i + 1).padStart(5, "0");
  return [`oficial${n}@import.bench.sendero.test`, `Oficial ${n}`, i % 10 === 0 ? "en" : "es", country, INSTITUTIONS[country]];
});
const files = { xlsx: await xlsxOf(lines), csv: csvOf(lines) };
log(`${rows} rows: XLSX ${kb(files.xlsx.bytes.length)}, CSV ${kb(files.csv.bytes.length)}`);

const runs: Run[] = [];
for (const engine of engines) {
  log(`\n== ${engine} ==`);
  const database = await openEmpty(engine);
  try {
    runs.push(await measure(database.db, engine));
  } finally {
    await database.stop();
  }
}

const results = {
  commit: gitCommit(),
  date: new Date().toISOString(),
  cores: availableParallelism(),
  node: process.version,
  load: Math.round(loadavg()[0]! * 100) / 100,
  rows,
  runs,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
writeSection(markdown(results));
log(`\nWrote ${RESULTS_JSON} and the "${SECTION.slice(3)}" section of bench/RESULTS.md`);

async function measure(db: DB, engine: Engine): Promise<Run> {
  const { admin, cohort } = await organisation(db);
  const phases: Phase[] = [];
  const time = async <T>(id: string, label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    const seconds = Math.round(performance.now() - started) / 1000;
    phases.push({ id, label, seconds });
    log(`${label.padEnd(46)} ${seconds.toFixed(2).padStart(7)} s`);
    return result;
  };
  const importFile = (upload: Upload, mail: boolean) =>
    importEnrolment(db, {
      actorId: admin,
      grants: GLOBAL_ADMIN_GRANTS,
      cohortId: cohort,
      upload,
      previewedHash: null,
      defaultLocale: "es",
      linkValidForMs: 7 * 86_400_000,
      mailLinks: mail ? { siteUrl: "https://sendero.example" } : null,
    });

  // Reading the file alone, so the spreadsheet parsing can be told apart from the database work.
  await time("read-xlsx", "read XLSX (no database)", () => readSpreadsheet(files.xlsx.name, files.xlsx.bytes));
  await time("read-csv", "read CSV (no database)", () => readSpreadsheet(files.csv.name, files.csv.bytes));
  for (const format of ["xlsx", "csv"] as const) {
    const preview = await time(`preview-${format}`, `dry run, ${format.toUpperCase()} (previewEnrolment)`, () => previewEnrolment(db, GLOBAL_ADMIN_GRANTS, cohort, files[format]));
    if (!preview.ok || preview.errors.length || preview.rows.some((r) => r.action !== "create")) throw new Error(`the ${format} dry run did not plan ${rows} creates`);
  }

  const first = await time("import", "first import, XLSX (all creates, mails on)", () => importFile(files.xlsx, true));
  if (!first.ok) throw new Error(`the first import was refused: ${first.code}`);
  const mailsQueued = await count(db, "mail_outbox");
  if (first.created !== rows || mailsQueued !== rows) throw new Error(`the first import created ${first.created} people and queued ${mailsQueued} mails, not ${rows}`);

  const peopleBefore = await count(db, "people");
  const again = await time("reimport-xlsx", "re-import, XLSX (all skips)", () => importFile(files.xlsx, true));
  const againCsv = await time("reimport-csv", "re-import, CSV (all skips)", () => importFile(files.csv, true));
  if (!again.ok || !againCsv.ok) throw new Error("a re-import was refused");
  const newPeople = (await count(db, "people")) - peopleBefore;
  if (again.skipped !== rows || againCsv.skipped !== rows || newPeople !== 0) throw new Error(`the re-imports were not all skips: ${JSON.stringify({ xlsx: again.skipped, csv: againCsv.skipped, newPeople })}`);

  const seconds = phases.find((p) => p.id === "import")!.seconds;
  const pass = seconds < TARGET_SECONDS;
  log(`first import: ${seconds.toFixed(2)} s for ${rows} rows, target < ${TARGET_SECONDS} s: ${pass ? "met" : "NOT MET"}; re-import created ${newPeople} people`);
  return {
    engine,
    phases,
    firstImport: { seconds, targetSeconds: TARGET_SECONDS, pass, created: first.created, mailsQueued },
    reimport: { created: again.created, updated: again.updated, skipped: again.skipped, newPeople },
  };
}

/** An empty, migrated database: a throw-away PostgreSQL server (removed when stopped) or PGlite in memory. */
async function openEmpty(engine: Engine): Promise<{ db: DB; stop: () => Promise<void> }> {
  if (engine === "pglite") {
    const db = createDb({ dataDir: "memory://" });
    await migrateToLatest(db);
    return { db, stop: () => db.destroy() };
  }
  // Not benchPostgres (bench/lib/databases.ts): that one opens the seeded cluster in bench/.data,
  // which this run does not need and must not share with a running `npm run bench`.
  const server = await startPostgres({ port: POSTGRES_PORT });
  const db = createDb({ databaseUrl: server.url, poolSize: 2 });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    server.stop();
    throw error;
  }
  return { db, stop: async () => (await db.destroy(), server.stop()) };
}

/** An admin (no password: nobody signs in), GT and HN with one institution each, a cohort without a capacity. */
async function organisation(db: DB) {
  const { id: admin } = await db.insertInto("people").values({ email: "admin@import.bench.sendero.test", display_name: "Admin", locale: "es" }).returning("id").executeTakeFirstOrThrow();
  await grantRole(db, admin, "admin", { kind: "global" }, null);
  for (const [code, name] of Object.entries(INSTITUTIONS)) {
    await db.insertInto("countries").values({ code }).execute();
    await db.insertInto("institutions").values({ country_code: code, name, short_name: name.slice(0, 12) }).execute();
  }
  const { id: cohort } = await db
    .insertInto("cohorts")
    .values({ name: "Importación masiva", starts_on: "2026-01-01", ends_on: "2026-12-31", capacity: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { admin, cohort };
}

async function xlsxOf(body: string[][]): Promise<Upload> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Personas");
  sheet.addRow(header);
  for (const line of body) sheet.addRow(line);
  return { name: "personas.xlsx", bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

function csvOf(body: string[][]): Upload {
  // No cell holds a comma, quote or line break, so no quoting is needed.
  const text = [header, ...body].map((cells) => cells.join(",")).join("\n");
  return { name: "personas.csv", bytes: new TextEncoder().encode(`${text}\n`) };
}

async function count(db: DB, table: "people" | "mail_outbox") {
  return Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
}

function markdown(r: typeof results): string {
  const out = [
    SECTION,
    "",
    `Written by \`npm run bench:import -- --rows ${r.rows} --engine ${args.engine}\` (see bench/README.md) · commit \`${r.commit}\` · ${r.date} · ${r.cores} cores · Node ${r.node} · load average (1 min) at the end ${r.load}`,
    "",
    `An empty, migrated database; ${r.rows.toLocaleString("en")} rows (half GT, half HN, one institution each) into a cohort without a capacity, through \`previewEnrolment\` and \`importEnrolment\`. Target: the first import of 10,000 rows under ${TARGET_SECONDS} s on PostgreSQL.`,
    "",
    `| Phase | ${r.runs.map((run) => run.engine).join(" | ")} |`,
    `|---|${r.runs.map(() => "---|").join("")}`,
    ...r.runs[0]!.phases.map((p) => `| ${p.label} | ${r.runs.map((run) => `${run.phases.find((q) => q.id === p.id)!.seconds.toFixed(2)} s`).join(" | ")} |`),
    `| First import < ${TARGET_SECONDS} s | ${r.runs.map((run) => (run.firstImport.pass ? "met" : "not met")).join(" | ")} |`,
    `| People created by the re-import | ${r.runs.map((run) => run.reimport.newPeople).join(" | ")} |`,
    "",
  ];
  return out.join("\n");
}

/** Replaces the section in bench/RESULTS.md (up to the next `## ` heading), or appends it. */
function writeSection(section: string) {
  const file = "bench/RESULTS.md";
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n";
  const start = text.indexOf(`${SECTION}\n`);
  if (start === -1) return writeFileSync(file, `${text.trimEnd()}\n\n${section}`);
  const next = text.indexOf("\n## ", start + SECTION.length);
  writeFileSync(file, `${text.slice(0, start)}${section}${next === -1 ? "" : text.slice(next)}`);
}

function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

