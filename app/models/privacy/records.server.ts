import { sql, type SqlBool } from "kysely";
import type { Trx } from "../../../db/client";
import type { PersonalRecord } from "./kinds";

// What Sendero recorded about the person: certificates, the audit lines they wrote or that are
// about them, their sign-ins (when and from which browser; never the session's token hash), and
// the mail sent to them (never its text: it may carry a one-time link).

export async function certificateRecords(trx: Trx, personId: string): Promise<PersonalRecord<"certificates">[]> {
  const rows = await trx.selectFrom("certificates").selectAll().where("person_id", "=", personId).orderBy("issued_at").execute();
  return rows.map((r) => ({
    code: r.code,
    courseId: r.course_id,
    courseTitle: r.course_title,
    holderName: r.holder_name,
    locale: r.locale,
    issuedAt: r.issued_at,
    revokedAt: r.revoked_at,
    revokedReason: r.revoked_reason,
  }));
}

/** Audit lines with the person as actor, as subject (a line about their account), or both. */
export async function auditRecords(trx: Trx, personId: string): Promise<PersonalRecord<"audit">[]> {
  const about = sql<SqlBool>`audit_log.target_type = 'person' and audit_log.target_id = ${personId}`;
  const rows = await trx
    .selectFrom("audit_log")
    .select(["at", "action", "actor_id", "target_type", "target_id", "details", "request_id", about.as("about")])
    .where((eb) => eb.or([eb("actor_id", "=", personId), about]))
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    at: r.at,
    action: r.action,
    as: r.actor_id === personId ? (r.about ? "both" : "actor") : "subject",
    targetType: r.target_type,
    targetId: r.target_id,
    details: r.details,
    requestId: r.request_id,
  }));
}

export async function signInRecords(trx: Trx, personId: string): Promise<PersonalRecord<"signIns">[]> {
  const rows = await trx
    .selectFrom("sessions")
    .select(["created_at", "last_seen_at", "expires_at", "revoked_at", "user_agent"])
    .where("person_id", "=", personId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({ createdAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at, revokedAt: r.revoked_at, userAgent: r.user_agent }));
}

/** Mail to the person's present address (one sent to an address they had before is not found). */
export async function mailRecords(trx: Trx, personId: string): Promise<PersonalRecord<"mails">[]> {
  const rows = await trx
    .selectFrom("mail_outbox")
    .select(["kind", "subject", "locale", "status", "created_at", "sent_at"])
    .where((eb) => eb(eb.fn("lower", ["to_address"]), "=", eb.selectFrom("people").select((p) => p.fn<string>("lower", ["email"]).as("email")).where("id", "=", personId)))
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ kind: r.kind, subject: r.subject, locale: r.locale, state: r.status, createdAt: r.created_at, sentAt: r.sent_at }));
}
