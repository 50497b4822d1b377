import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { RoleName } from "../../db/types";
import { hashToken, newToken } from "../utils/tokens.server";
import { audit } from "./audit.server";
import type { Catalog } from "../content/model";
import { addMembers } from "./cohort-membership.server";
import { enqueueEnrolmentMail } from "./enrolment-mail.server";
import { enqueueMail } from "./mail-outbox.server";
import { refusableTransaction } from "./refusable-transaction.server";
import { refused, type Result } from "./result";
import { createPerson, emailTaken, grantRole, type NewAccount } from "./person.server";

export interface NewInvitation {
  cohortId: string;
  role: RoleName;
  email: string | null;
  note: string | null;
  createdBy: string;
  validForMs: number;
}

/** Creates an invitation link's token; only its hash is kept, so the link is shown once. */
export async function createInvitation(db: DB, input: NewInvitation): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + input.validForMs);
  const { id } = await db
    .insertInto("invitations")
    .values({
      token_hash: hashToken(token),
      cohort_id: input.cohortId,
      role: input.role,
      email: input.email,
      note: input.note,
      created_by: input.createdBy,
      expires_at: expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id, token, expiresAt };
}

/**
 * A coordinator or admin invites: the invitation, its audit line and, when an address was given,
 * the invitation mail (in the chosen language, with the join link) are written in one
 * transaction, so the mail goes if and only if the invitation exists.
 */
export async function inviteToCohort(
  db: DB,
  input: NewInvitation & { mailLocale: string; siteUrl: string; requestId: string },
): Promise<{ id: string; token: string; mailedTo: string | null }> {
  return db.transaction().execute(async (trx) => {
    const created = await createInvitation(trx, input);
    await audit(trx, {
      actorId: input.createdBy,
      action: "invitation.created",
      targetType: "invitation",
      targetId: created.id,
      details: { cohortId: input.cohortId, role: input.role, mailed: input.email !== null },
      requestId: input.requestId,
    });
    if (input.email) {
      const cohort = await trx.selectFrom("cohorts").select("name").where("id", "=", input.cohortId).executeTakeFirstOrThrow();
      await enqueueMail(trx, {
        kind: "invitation",
        to: input.email,
        locale: input.mailLocale,
        data: { cohortName: cohort.name, role: input.role, url: `${input.siteUrl}/join/${created.token}`, expiresAt: created.expiresAt },
      });
    }
    return { id: created.id, token: created.token, mailedTo: input.email };
  });
}

export type InvitationState = "open" | "accepted" | "expired" | "revoked";

/** The invitation behind a link, with the state that decides whether it can still be used. */
export async function findInvitation(db: DB, token: string) {
  const row = await db
    .selectFrom("invitations")
    .innerJoin("cohorts", "cohorts.id", "invitations.cohort_id")
    .select([
      "invitations.id",
      "invitations.role",
      "invitations.email",
      "invitations.cohort_id",
      "invitations.expires_at",
      "invitations.accepted_at",
      "invitations.revoked_at",
      "cohorts.name as cohort_name",
    ])
    .where("invitations.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row) return null;
  return { ...row, state: invitationState(row) };
}

function invitationState(row: { accepted_at: Date | null; revoked_at: Date | null; expires_at: Date }): InvitationState {
  if (row.revoked_at) return "revoked";
  if (row.accepted_at) return "accepted";
  if (row.expires_at.getTime() <= Date.now()) return "expired";
  return "open";
}

/** "full": the cohort has no seat left; "closed": the run is over (see addMembers). */
export type AcceptRefusal = "unusable" | "email-taken" | "full" | "closed";
export type AcceptResult = Result<{ personId: string }, AcceptRefusal>;

/**
 * Turns an open invitation into an account with its role and cohort, all or nothing.
 * The invitation is claimed with a conditional UPDATE so two people cannot use one link. With
 * `welcome`, an officer's welcome mail (the cohort's courses and due dates) is queued with it.
 */
export async function acceptInvitation(
  db: DB,
  token: string,
  account: Omit<NewAccount, "countryCode" | "institutionId">,
  requestId?: string,
  welcome?: { catalog: Catalog; siteUrl: string },
): Promise<AcceptResult> {
  return refusableTransaction(db, async (trx): Promise<AcceptResult> => {
    if (await emailTaken(trx, account.email)) return refused("email-taken");
    const invitation = await trx
      .updateTable("invitations")
      .set({ accepted_at: sql`now()` })
      .where("token_hash", "=", hashToken(token))
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", sql<Date>`now()`)
      .returning(["id", "cohort_id", "role"])
      .executeTakeFirst();
    if (!invitation) return refused("unusable");
    const personId = await createPerson(trx, account);
    await trx.updateTable("invitations").set({ accepted_by: personId }).where("id", "=", invitation.id).execute();
    await grantRole(trx, personId, invitation.role, { kind: "cohort", id: invitation.cohort_id }, null);
    const joined = await addMembers(trx, invitation.cohort_id, [{ personId, role: invitation.role }]);
    if (!joined.ok) return refused(joined.code === "cohort-missing" ? "unusable" : joined.code);
    if (welcome && invitation.role === "officer") await enqueueEnrolmentMail(trx, { personId, cohortId: invitation.cohort_id, ...welcome });
    await audit(trx, {
      actorId: personId,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: invitation.id,
      ...(requestId ? { requestId } : {}),
    });
    return { ok: true, personId };
  });
}

export async function revokeInvitation(db: DB, id: string): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ revoked_at: sql`now()` })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function cohortOfInvitation(db: DB, id: string): Promise<string | null> {
  const row = await db.selectFrom("invitations").select("cohort_id").where("id", "=", id).executeTakeFirst();
  return row?.cohort_id ?? null;
}

/** Invitations of the given cohorts (or of all), newest first, one page and the total. */
export async function listInvitations(db: DB, cohortIds: string[] | "all", limit: number, offset: number) {
  if (cohortIds !== "all" && cohortIds.length === 0) return { rows: [], total: 0 };
  const inScope = db
    .selectFrom("invitations")
    .$if(cohortIds !== "all", (q) => q.where("invitations.cohort_id", "in", cohortIds as string[]));
  const query = inScope
    .innerJoin("cohorts", "cohorts.id", "invitations.cohort_id")
    .leftJoin("people as creator", "creator.id", "invitations.created_by")
    .leftJoin("people as invitee", "invitee.id", "invitations.accepted_by")
    .select([
      "invitations.id",
      "invitations.role",
      "invitations.email",
      "invitations.note",
      "invitations.created_at",
      "invitations.expires_at",
      "invitations.accepted_at",
      "invitations.revoked_at",
      "cohorts.name as cohort_name",
      "creator.display_name as created_by_name",
      "invitee.display_name as accepted_by_name",
    ])
    .orderBy("invitations.created_at", "desc")
    .limit(limit)
    .offset(offset);
  const [rows, count] = await Promise.all([
    query.execute(),
    inScope.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => ({ ...r, state: invitationState(r) })), total: Number(count.n) };
}
