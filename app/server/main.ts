import cluster from "node:cluster";
import { loadConfig } from "../config.server";
import { createLogger } from "./log";
import { runCluster } from "./cluster";

// The production server. WEB_CONCURRENCY=N (N > 1) runs N server processes that share the port
// (node:cluster), one per core; every process is stateless, so any of them can answer any request.
const config = loadConfig();
if (cluster.isPrimary && config.webConcurrency > 1) {
  if (!config.databaseUrl) {
    // PGlite is one database in one process: a second process cannot open the same folder.
    process.stderr.write(
      `Sendero cannot start: WEB_CONCURRENCY=${config.webConcurrency} needs PostgreSQL (DATABASE_URL); the embedded PGlite database serves one process only. Unset WEB_CONCURRENCY or set DATABASE_URL.\n`,
    );
    process.exit(1);
  }
  runCluster(config.webConcurrency, createLogger(config.logLevel));
} else {
  await import("./serve");
}
