import type { Trx } from "../../db/client";
import type { ImportRow, LineError } from "../import/validate";
import type { Grant } from "./access.server";
import { audit } from "./audit.server";
import { addMembers, type MembershipRefusal } from "./cohort-membership.server";
import { planEnrolment } from "./enrolment-plan.server";
import { createPeopleWithSignInLinks, type SignInLink } from "./new-people.server";
import { refused, type Result } from "./result";

/** Why an import is refused as a whole: bad lines, or the cohort's own refusal (full, closed…). */
export type EnrolmentRefusal = "invalid-rows" | MembershipRefusal;

export interface EnrolmentDone {
  created: number;
  updated: number;
  skipped: number;
  links: SignInLink[];
}

export interface EnrolmentRequest {
  actorId: string;
  grants: Grant[];
  cohortId: string;
  rows: readonly ImportRow[];
  errors: readonly LineError[];
  defaultLocale: string;
  linkValidForMs: number;
  fileHash: string;
  requestId?: string;
}

const CHUNK = 1000;

/**
 * Imports the rows into the cohort, all or nothing: run it in refusableTransaction so that any
 * refusal (a bad line, a full or closed cohort) rolls back every person it created. The plan is
 * made again inside the transaction, so what is written matches the database as it is now.
 */
export async function enrol(trx: Trx, request: EnrolmentRequest): Promise<Result<EnrolmentDone, EnrolmentRefusal>> {
  const plan = await planEnrolment(trx, request.grants, request.cohortId, request.rows, request.errors);
  if (plan.errors.length) return refused("invalid-rows");
  const creates = plan.rows.filter((r) => r.action === "create");
  const updates = plan.rows.filter((r) => r.action === "update");
  const links = await createPeopleWithSignInLinks(
    trx,
    creates.map((r) => ({
      email: r.email,
      displayName: r.name,
      locale: r.language ?? request.defaultLocale,
      countryCode: r.country,
      institutionId: r.institutionId,
      unitId: r.unitId,
    })),
    request.actorId,
    request.linkValidForMs,
  );
  for (const r of updates) {
    await trx
      .updateTable("people")
      .set({
        display_name: r.name,
        ...(r.language ? { locale: r.language } : {}),
        ...(r.country ? { country_code: r.country } : {}),
        ...(r.institutionId ? { institution_id: r.institutionId } : {}),
        ...(r.unitId ? { unit_id: r.unitId } : {}),
      })
      .where("id", "=", r.personId!)
      .execute();
  }
  const memberIds = [...links.map((l) => l.personId), ...updates.map((r) => r.personId!)];
  const joined = await addMembers(trx, request.cohortId, memberIds.map((personId) => ({ personId, role: "officer" as const })));
  if (!joined.ok) return joined;
  await audit(trx, {
    actorId: request.actorId,
    action: "enrolment.imported",
    targetType: "cohort",
    targetId: request.cohortId,
    details: { created: creates.length, updated: updates.length, skipped: plan.rows.length - creates.length - updates.length, fileSha256: request.fileHash },
    ...(request.requestId ? { requestId: request.requestId } : {}),
  });
  // One line per person touched, so each person's history shows the import.
  const touched = [...links.map((l) => ({ id: l.personId, action: "person.imported" })), ...updates.map((r) => ({ id: r.personId!, action: "person.import-updated" }))];
  for (let i = 0; i < touched.length; i += CHUNK) {
    await trx
      .insertInto("audit_log")
      .values(touched.slice(i, i + CHUNK).map((p) => ({ actor_id: request.actorId, action: p.action, target_type: "person", target_id: p.id, details: null, request_id: request.requestId ?? null })))
      .execute();
  }
  return { ok: true, created: creates.length, updated: updates.length, skipped: plan.rows.length - creates.length - updates.length, links };
}
