import { sql } from "kysely";
import type { DB, Trx } from "../../db/client";
import type { MailStatus } from "../../db/types";
import { MAIL_STATUSES } from "../mail/statuses";
import { renderTemplate, type MailData, type MailKind } from "../mail/templates/index";
import { audit } from "./audit.server";
import type { Result } from "./result";

export interface NewMail<K extends MailKind> {
  kind: K;
  to: string;
  /** The recipient's language. */
  locale: string;
  data: MailData<K>;
  /** A message that must go once only (a reminder per course and date); a second is dropped. */
  dedupeKey?: string;
}

/**
 * Writes a message to the outbox in the caller's transaction: it leaves only if the change that
 * causes it commits, and it is not lost if the mail server is down (the worker retries).
 * Answers null when a message with the same dedupe key was already queued.
 */
export async function enqueueMail<K extends MailKind>(trx: Trx, mail: NewMail<K>): Promise<{ id: string } | null> {
  const rendered = renderTemplate(mail.kind, mail.locale, mail.data);
  const row = await trx
    .insertInto("mail_outbox")
    .values({
      kind: mail.kind,
      to_address: mail.to,
      locale: rendered.locale,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
      dedupe_key: mail.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row ?? null;
}

/** Many messages at once (a bulk import's sign-in links), in chunks; none carries a dedupe key. */
export async function enqueueMails<K extends MailKind>(trx: Trx, mails: readonly Omit<NewMail<K>, "dedupeKey">[]): Promise<void> {
  const CHUNK = 500;
  for (let i = 0; i < mails.length; i += CHUNK) {
    const rows = mails.slice(i, i + CHUNK).map((mail) => {
      const rendered = renderTemplate(mail.kind, mail.locale, mail.data);
      return { kind: mail.kind, to_address: mail.to, locale: rendered.locale, subject: rendered.subject, text_body: rendered.text, html_body: rendered.html, dedupe_key: null };
    });
    await trx.insertInto("mail_outbox").values(rows).execute();
  }
}

export interface ClaimedMail {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** This attempt's number (1 for the first); marking the outcome names it. */
  attempts: number;
}

/**
 * Takes up to `limit` due messages for this worker. In one short transaction the rows are locked
 * (`FOR UPDATE SKIP LOCKED`: another process's worker skips them instead of waiting) and leased:
 * their next attempt moves `leaseMs` ahead, so once committed no other worker finds them due while
 * this one sends. A worker that dies mid-send leaves the message to be tried again after the lease.
 */
export async function claimDueMail(db: DB, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("mail_outbox")
      .select("id")
      .where("status", "=", "queued")
      .where("next_attempt_at", "<=", sql<Date>`now()`)
      .orderBy("next_attempt_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    const rows = await trx
      .updateTable("mail_outbox")
      .set((eb) => ({ attempts: eb("attempts", "+", 1), next_attempt_at: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})` }))
      .where(
        "id",
        "in",
        due.map((d) => d.id),
      )
      .returning(["id", "to_address", "subject", "text_body", "html_body", "attempts"])
      .execute();
    return rows.map((r) => ({ ...r, text_body: r.text_body ?? "", html_body: r.html_body ?? "" }));
  });
}

/** Marks a claimed message sent and drops its bodies (they hold one-time links). */
export async function markMailSent(db: DB, mail: Pick<ClaimedMail, "id" | "attempts">, via: "smtp" | "log"): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ status: "sent", sent_via: via, sent_at: sql`now()`, last_error: null, text_body: null, html_body: null })
    .where("id", "=", mail.id)
    .where("status", "=", "queued")
    .where("attempts", "=", mail.attempts)
    .execute();
}

export interface RetryPolicy {
  /** Wait before the second attempt; each later one waits twice as long as the one before. */
  firstRetryMs: number;
  /** Attempts before the message is given up as failed. */
  maxAttempts: number;
}

/** The wait after a failed attempt number `attempt` (1-based): doubling, at most a day. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.firstRetryMs * 2 ** (attempt - 1), 86_400_000);
}

/** Records a failed attempt: tried again later with backoff, or given up after the last one. */
export async function markMailAttemptFailed(db: DB, mail: Pick<ClaimedMail, "id" | "attempts">, error: string, policy: RetryPolicy): Promise<"retry" | "failed"> {
  const giveUp = mail.attempts >= policy.maxAttempts;
  await db
    .updateTable("mail_outbox")
    .set({
      last_error: error.slice(0, 500),
      ...(giveUp ? { status: "failed" as const } : { next_attempt_at: sql<Date>`now() + make_interval(secs => ${backoffMs(policy, mail.attempts) / 1000})` }),
    })
    .where("id", "=", mail.id)
    .where("status", "=", "queued")
    .where("attempts", "=", mail.attempts)
    .execute();
  return giveUp ? "failed" : "retry";
}

/** The outbox for the admin page: one status, newest first, one page and the total; and counts. */
export async function listMail(db: DB, status: MailStatus, limit: number, offset: number) {
  const rows = await db
    .selectFrom("mail_outbox")
    .select(["id", "kind", "to_address", "locale", "subject", "status", "sent_via", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at"])
    .where("status", "=", status)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .offset(offset)
    .execute();
  const counts = await db.selectFrom("mail_outbox").select(["status", (eb) => eb.fn.countAll<number>().as("n")]).groupBy("status").execute();
  const byStatus = Object.fromEntries(MAIL_STATUSES.map((s) => [s, Number(counts.find((c) => c.status === s)?.n ?? 0)])) as Record<MailStatus, number>;
  return { rows, total: byStatus[status], counts: byStatus };
}

/** An admin sends a failed message again: queued now, with a fresh count of attempts; audited. */
export async function retryFailedMail(db: DB, input: { id: string; actorId: string; requestId: string }): Promise<Result<object, "not-failed">> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("mail_outbox")
      .set({ status: "queued", attempts: 0, next_attempt_at: sql`now()` })
      .where("id", "=", input.id)
      .where("status", "=", "failed")
      .returning("id")
      .executeTakeFirst();
    if (!row) return { ok: false, code: "not-failed" } as const;
    await audit(trx, { actorId: input.actorId, action: "mail.retried", targetType: "mail", targetId: row.id, requestId: input.requestId });
    return { ok: true } as const;
  });
}
