import type { DB } from "../../db/client";
import type { Catalog } from "../content/model";
import { queueCertificateMails, queueDueReminders, queueFacilitatorDigests } from "../models/mail-schedule.server";
import type { Logger } from "../server/log";
import { repeatWithoutOverlap } from "../server/repeat";

export interface MailSchedulerOptions {
  db: DB;
  catalog: Catalog;
  log: Logger;
  siteUrl: string;
  /** How often reminders and digests are looked for. */
  everyMs: number;
  /** The UTC hour from which the day's digest goes out. */
  digestHourUtc: number;
  now?: () => Date;
}

/**
 * Queues reminders, the daily digests and certificate mail, in every server process: the outbox's dedupe keys make
 * each one go once however many processes look, and however often they restart.
 */
export function startMailScheduler(options: MailSchedulerOptions): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  const run = async () => {
    try {
      const at = now();
      const today = at.toISOString().slice(0, 10);
      const reminders = await queueDueReminders(options.db, { catalog: options.catalog, siteUrl: options.siteUrl, today });
      const digests = at.getUTCHours() >= options.digestHourUtc ? await queueFacilitatorDigests(options.db, { siteUrl: options.siteUrl, today }) : 0;
      const certificates = await queueCertificateMails(options.db, { siteUrl: options.siteUrl });
      if (reminders || digests || certificates) options.log.info("mail scheduled", { reminders, digests, certificates });
    } catch (error) {
      options.log.warn("mail scheduling failed; will try again", { error: error instanceof Error ? error.message : String(error) });
    }
  };
  return repeatWithoutOverlap(run, { everyMs: options.everyMs, firstAfterMs: 1_000 });
}
