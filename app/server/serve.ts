import type { ServerBuild } from "@remix-run/node";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createDb, engineName } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "../../db/seeds/demo";
import { loadConfig } from "../config.server";
import { loadContent } from "../content/load.server";
import { watchContent } from "../content/watch.server";
import { createMailTransport } from "../mail/transport.server";
import { createMailWorker } from "../mail/worker.server";
import { startMailScheduler } from "../mail/scheduler.server";
import { startRetentionScheduler } from "../privacy/retention-scheduler.server";
import { createApp } from "./app";
import { createLogger } from "./log";
import { serviceUnavailable } from "./unavailable";

// One server process: migrate, seed the demo when asked, serve, and stop cleanly on SIGTERM.
// Started by main.ts, directly or as one worker of a cluster (WEB_CONCURRENCY).
const config = loadConfig();
const log = createLogger(config.logLevel);
const build = (await import(pathToFileURL(resolve("build/index.js")).href)) as ServerBuild;

// Content is read and validated once; the server refuses to start on invalid content.
const { catalog: content, problems } = loadContent(config.contentDir);
for (const p of problems) log[p.severity === "error" ? "error" : "warn"]("content problem", { at: `${p.file}:${p.line}`, problem: p.message });
if (problems.some((p) => p.severity === "error")) {
  process.stderr.write(`Sendero cannot start: the content in ${config.contentDir} has errors (listed above; run npm run content:check).\n`);
  process.exit(1);
}
log.info("content loaded", { courses: [...content.courses.keys()] });
const stopWatching = config.production ? () => {} : watchContent(config.contentDir, content, log);

const db = createDb({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  onUnavailable: serviceUnavailable,
  onConnectionLost: (error) => log.warn("database connection lost", { error: error.message }),
});
const engine = engineName({ databaseUrl: config.databaseUrl });
const migrations = await migrateToLatest(db).catch((error: unknown) => {
  if (error instanceof Response && error.status === 503) {
    process.stderr.write("Sendero cannot start: the database (DATABASE_URL) cannot be reached.\n");
    process.exit(1);
  }
  throw error;
});
log.info("database ready", { engine, applied: migrations.results?.map((r) => r.migrationName) ?? [] });

if (config.seedDemo) {
  const created = await seedDemo(db);
  if (created) log.info("demo organisation created");
}

// Every process sends from the outbox; SKIP LOCKED keeps two of them off the same message.
const mailTransport = createMailTransport({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, log });
const mailWorker = createMailWorker({ db, transport: mailTransport, log, ...config.mail });
mailWorker.start();
// Links in scheduled mail have no request to take an address from: PUBLIC_URL, or this server.
const stopScheduling = startMailScheduler({
  db,
  catalog: content,
  log,
  siteUrl: (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, ""),
  everyMs: config.mail.scheduleMs,
  digestHourUtc: config.mail.digestHourUtc,
});
// The retention policy, applied once a day (looked at every hour).
const stopRetention = startRetentionScheduler({ db, log, everyMs: 60 * 60 * 1000 });

const app = createApp({ build, db, config, content, log });
const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  log.info("listening", { url: `http://localhost:${port}`, engine });
  if (config.seedDemo) {
    // Printed plainly so a person trying Sendero sees how to sign in.
    process.stdout.write(
      `\nSendero is running at http://localhost:${port}\nDemo accounts (password "${DEMO_PASSWORD}"):\n` +
        DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(12)} ${a.email}`).join("\n") +
        "\n\n",
    );
  }
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  // Answers still being sent get 10 s. Closing the database gets its own time after that: the
  // embedded one writes its last checkpoint then, and cutting that short on a slow disk means a
  // recovery at the next start.
  const force = (waitingFor: string, ms: number) => {
    const timer = setTimeout(() => {
      log.warn("forced exit", { waitingFor, afterSeconds: ms / 1000 });
      process.exit(1);
    }, ms);
    timer.unref();
    return timer;
  };
  const answering = force("requests still being answered", 10_000);
  stopWatching();
  // No new background run starts from now on; one under way is waited for before the database closes.
  const jobsStopped = Promise.all([stopScheduling(), stopRetention(), mailWorker.stop()]);
  server.close(async () => {
    clearTimeout(answering);
    force("background jobs and the database to close", 30_000);
    await jobsStopped;
    mailTransport.close();
    // Every request has finished; a failure to close the database cleanly is worth a line, not a
    // failed exit (the data is already committed).
    await db.destroy().catch((error: unknown) => log.warn("database close failed", { error: error instanceof Error ? error.message : String(error) }));
    log.info("stopped");
    process.exit(0);
  });
  // A request in flight when the signal came keeps its connection open for the keep-alive
  // timeout after it is answered (Node closes only the connections idle at close()). Answers
  // from now on say "Connection: close", and looking again every 250 ms lets the process stop
  // as soon as the last answer is sent.
  server.prependListener("request", (_request, response) => response.setHeader("Connection", "close"));
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 250).unref();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
