import type { DB } from "../../db/client";
import { claimDueMail, markMailAttemptFailed, markMailSent, type RetryPolicy } from "../models/mail-outbox.server";
import type { Logger } from "../server/log";
import type { MailTransport } from "./transport.server";

export interface MailWorkerOptions extends RetryPolicy {
  db: DB;
  transport: MailTransport;
  log: Logger;
  /** How often the outbox is looked at when it had nothing due. */
  pollMs: number;
  /** Messages claimed at a time. */
  batchSize?: number;
  /** How long a claimed message is reserved for this worker while it sends. */
  leaseMs?: number;
}

export interface MailWorker {
  /** Sends what is due now; answers how many messages it tried. */
  runOnce: () => Promise<number>;
  start: () => void;
  /** Stops polling and waits for the batch in hand. */
  stop: () => Promise<void>;
}

/**
 * The outbox's sender, one per server process. Any number of them may run on one database:
 * each claims its messages with SKIP LOCKED and a lease (models/mail-outbox.server.ts), so a
 * message is handed to SMTP by one worker only.
 */
export function createMailWorker(options: MailWorkerOptions): MailWorker {
  const { db, transport, log, pollMs } = options;
  const batchSize = options.batchSize ?? 10;
  const leaseMs = options.leaseMs ?? 120_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;

  async function runOnce(): Promise<number> {
    const claimed = await claimDueMail(db, batchSize, leaseMs);
    for (const mail of claimed) {
      try {
        await transport.send({ id: mail.id, to: mail.to_address, subject: mail.subject, text: mail.text_body, html: mail.html_body });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const outcome = await markMailAttemptFailed(db, mail, message, options);
        log[outcome === "failed" ? "error" : "warn"](outcome === "failed" ? "mail given up" : "mail not sent; will retry", { mailId: mail.id, attempt: mail.attempts, error: message });
        continue;
      }
      await markMailSent(db, mail, transport.via);
    }
    return claimed.length;
  }

  const tick = async () => {
    timer = null;
    let tried = 0;
    try {
      running = runOnce();
      tried = await running;
    } catch (error) {
      // The database may be down for a moment; the next tick tries again.
      log.warn("mail worker could not reach the outbox", { error: error instanceof Error ? error.message : String(error) });
    } finally {
      running = null;
    }
    // A full batch means more may be waiting: look again at once.
    if (!stopped) timer = setTimeout(() => void tick(), tried >= batchSize ? 0 : pollMs);
  };

  return {
    runOnce,
    start: () => {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(() => void tick(), 0);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => 0);
    },
  };
}
