import type { DB } from "../../db/client";
import { purgeDueErasures } from "../models/privacy/erasure.server";
import { applyRetentionIfDue } from "../models/privacy/retention.server";
import type { Logger } from "../server/log";
import { repeatWithoutOverlap } from "../server/repeat";

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
export function startRetentionScheduler(options: RetentionSchedulerOptions): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  const run = async () => {
    try {
      const deleted = await applyRetentionIfDue(options.db, now());
      if (deleted) options.log.info("retention applied", { ...deleted });
      const purged = await options.db.transaction().execute((trx) => purgeDueErasures(trx, now()));
      if (purged) options.log.info("erasures purged", { people: purged });
    } catch (error) {
      options.log.warn("retention failed; will try again", { error: error instanceof Error ? error.message : String(error) });
    }
  };
  return repeatWithoutOverlap(run, { everyMs: options.everyMs, firstAfterMs: 5_000 });
}
