import { sql, type SqlBool } from "kysely";
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
export interface AuditFilter {
  /** Part of the actor's name or email. */
  actor: string;
  /** One action, as written in the log ("role.granted"). */
  action: string;
  /** A target's id, or part of the name or email of the person it was about. */
  target: string;
}

const contains = (text: string) => `%${text.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The log, newest first, narrowed by actor, action and target; with the actions it holds, for the filter. */
export async function recentAudit(db: DB, filter: AuditFilter, limit: number, offset: number) {
  let base = db.selectFrom("audit_log").leftJoin("people", "people.id", "audit_log.actor_id").leftJoin("people as target", (join) => join.on(sql<SqlBool>`audit_log.target_type = 'person' and target.id::text = audit_log.target_id`));
  if (filter.actor.trim()) {
    const pattern = contains(filter.actor);
    base = base.where((eb) => eb.or([eb(sql`lower(people.display_name)`, "like", pattern), eb("people.email", "like", pattern)]));
  }
  if (filter.action) base = base.where("audit_log.action", "=", filter.action);
  if (filter.target.trim()) {
    const pattern = contains(filter.target);
    base = base.where((eb) => eb.or([eb("audit_log.target_id", "=", filter.target.trim()), eb(sql`lower(target.display_name)`, "like", pattern), eb("target.email", "like", pattern)]));
  }
  const [rows, count, actions] = await Promise.all([
    base
      .select([
        "audit_log.id",
        "audit_log.at",
        "audit_log.action",
        "audit_log.target_type",
        "audit_log.target_id",
        "audit_log.request_id",
        "people.display_name as actor_name",
        "target.display_name as target_name",
      ])
      .orderBy("audit_log.id", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute(),
  ]);
  return { rows, total: Number(count.n), actions: actions.map((a) => a.action) };
}
