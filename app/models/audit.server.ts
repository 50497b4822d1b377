import type { DB } from "../../db/client";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  requestId?: string | undefined;
}

/** Who asked for a change, for the audit line its model writes. */
export interface Actor {
  actorId: string;
  requestId?: string;
}

/** Appends one line to the audit log; call it with the transaction that made the change. */
export async function audit(db: DB, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      request_id: entry.requestId ?? null,
    })
    .execute();
}

/** The audit log, newest first, one page and the total. */
export async function recentAudit(db: DB, limit: number, offset: number) {
  const rows = await db
    .selectFrom("audit_log")
    .leftJoin("people", "people.id", "audit_log.actor_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.target_type",
      "audit_log.target_id",
      "audit_log.request_id",
      "people.display_name as actor_name",
    ])
    .orderBy("audit_log.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  const count = await db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
