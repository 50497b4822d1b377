import type { DB } from "../../db/client";
import { purgeDueErasures } from "../models/privacy/erasure.server";
import { applyRetentionIfDue } from "../models/privacy/retention.server";
import type { Logger } from "../server/log";

export interface RetentionSchedulerOptions {
  db: DB;
  log: Logger;
  /** How often the job looks whether a day has passed since the last run. */
  everyMs: number;
  now?: () => Date;
}

/**
 * Applies the retention policy once a day, in every server process: the run takes the policy
 * row's lock and looks at the last run first, so however many processes look, it runs once.
 * Each look also purges the people whose erasure grace period is over (their requests are
 * locked and skipped by another process that looks at the same time).
 */
export function startRetentionScheduler(options: RetentionSchedulerOptions): () => void {
  const now = options.now ?? (() => new Date());
  let busy = false;
  const run = async () => {
    if (busy) return;
    busy = true;
    try {
      const deleted = await applyRetentionIfDue(options.db, now());
      if (deleted) options.log.info("retention applied", { ...deleted });
      const purged = await options.db.transaction().execute((trx) => purgeDueErasures(trx, now()));
      if (purged) options.log.info("erasures purged", { people: purged });
    } catch (error) {
      options.log.warn("retention failed; will try again", { error: error instanceof Error ? error.message : String(error) });
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(() => void run(), 5_000);
  const timer = setInterval(() => void run(), options.everyMs);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
