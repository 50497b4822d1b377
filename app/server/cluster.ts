import cluster, { type Worker } from "node:cluster";
import type { Logger } from "./log";

/**
 * The primary process of WEB_CONCURRENCY: starts the workers (each runs serve.ts), replaces one
 * that dies unexpectedly, and on SIGTERM/SIGINT passes the signal on, so every worker finishes
 * its requests and closes its database pool, then exits when all have stopped.
 */
export function runCluster(count: number, log: Logger): void {
  let stopping = false;
  let listened = false;
  const start = () => cluster.fork();
  cluster.on("listening", () => (listened = true));
  for (let i = 0; i < count; i++) start();
  log.info("cluster started", { workers: count });

  cluster.on("exit", (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log.info("cluster stopped");
        process.exit(0);
      }
      return;
    }
    if (!listened) {
      // It died before serving (bad content, bad configuration): starting it again would loop.
      log.error("worker failed to start; stopping", { pid: worker.process.pid, code, signal });
      process.exit(code || 1);
    }
    log.error("worker stopped unexpectedly; starting another", { pid: worker.process.pid, code, signal });
    start();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(1), 12_000).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
