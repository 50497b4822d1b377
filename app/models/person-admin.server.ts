import type { DB, Trx } from "../../db/client";
import { peopleInScope, type Grant } from "./access.server";
import { audit } from "./audit.server";
import { addMembers, removeLearner } from "./cohort-membership.server";
import type { Actor } from "./countries.server";
import { enqueueMail } from "./mail-outbox.server";
import { createPeopleWithSignInLinks } from "./new-people.server";
import { normaliseEmail } from "./person.server";
import { refusableTransaction } from "./refusable-transaction.server";
import { refused, type Result } from "./result";

// One person at a time, by an admin: create (with a link to set the password, mailed), edit,
// and the cohorts they belong to (join, leave, move). Bulk enrolment has its own models.

export interface PersonFields {
  email: string;
  displayName: string;
  locale: string;
  countryCode: string | null;
  institutionId: string | null;
}

export type PersonRefusal = "missing" | "erased" | "email-taken" | "country-missing" | "institution-missing" | "cohort-missing" | "closed" | "full" | "not-member" | "same-cohort";

/** The institution must be active and of the person's country; the country must be active. */
async function placeUsable(trx: Trx, fields: PersonFields): Promise<PersonRefusal | null> {
  if (fields.countryCode) {
    const country = await trx.selectFrom("countries").select("code").where("code", "=", fields.countryCode).where("retired_at", "is", null).executeTakeFirst();
    if (!country) return "country-missing";
  }
  if (fields.institutionId) {
    const institution = await trx.selectFrom("institutions").select("country_code").where("id", "=", fields.institutionId).where("retired_at", "is", null).executeTakeFirst();
    if (!institution || institution.country_code !== fields.countryCode) return "institution-missing";
  }
  return null;
}

async function emailUsedByOther(trx: Trx, email: string, personId: string | null): Promise<boolean> {
  let query = trx.selectFrom("people").select("id").where("email", "=", email);
  if (personId) query = query.where("id", "!=", personId);
  return Boolean(await query.executeTakeFirst());
}

/** A new account without a password: the link to set one is mailed and shown once to the admin. */
export async function createOnePerson(
  db: DB,
  actor: Actor,
  fields: PersonFields,
  link: { siteUrl: string; validForMs: number },
): Promise<Result<{ id: string; token: string }, PersonRefusal>> {
  const email = normaliseEmail(fields.email);
  return refusableTransaction(db, async (trx): Promise<Result<{ id: string; token: string }, PersonRefusal>> => {
    if (await emailUsedByOther(trx, email, null)) return refused("email-taken");
    const place = await placeUsable(trx, fields);
    if (place) return refused(place);
    const [created] = await createPeopleWithSignInLinks(
      trx,
      [{ email, displayName: fields.displayName.trim(), locale: fields.locale, countryCode: fields.countryCode, institutionId: fields.institutionId, unitId: null }],
      actor.id,
      link.validForMs,
    );
    const person = created!;
    await enqueueMail(trx, {
      kind: "password-reset",
      to: email,
      locale: fields.locale,
      data: { name: person.displayName, url: `${link.siteUrl}/reset/${person.token}`, expiresAt: new Date(Date.now() + link.validForMs) },
    });
    await audit(trx, { actorId: actor.id, action: "person.created", targetType: "person", targetId: person.personId, requestId: actor.requestId });
    return { ok: true, id: person.personId, token: person.token };
  });
}

export async function updatePerson(db: DB, actor: Actor, grants: Grant[], personId: string, fields: PersonFields): Promise<Result<{ id: string }, PersonRefusal>> {
  const email = normaliseEmail(fields.email);
  return refusableTransaction(db, async (trx): Promise<Result<{ id: string }, PersonRefusal>> => {
    const current = await trx.selectFrom("people").select(["id", "erased_at"]).where("id", "=", personId).where(peopleInScope(grants)).forUpdate().executeTakeFirst();
    if (!current) return refused("missing");
    if (current.erased_at) return refused("erased");
    if (await emailUsedByOther(trx, email, personId)) return refused("email-taken");
    const place = await placeUsable(trx, fields);
    if (place) return refused(place);
    await trx
      .updateTable("people")
      .set({ email, display_name: fields.displayName.trim(), locale: fields.locale, country_code: fields.countryCode, institution_id: fields.institutionId })
      .where("id", "=", personId)
      .execute();
    await audit(trx, { actorId: actor.id, action: "person.updated", targetType: "person", targetId: personId, requestId: actor.requestId });
    return { ok: true, id: personId };
  });
}

/** The person's record and cohorts, if these grants reach them. */
export async function personDetail(db: DB, grants: Grant[], personId: string) {
  const person = await db
    .selectFrom("people")
    .select(["id", "email", "display_name", "locale", "country_code", "institution_id", "disabled_at", "erased_at"])
    .where("id", "=", personId)
    .where(peopleInScope(grants))
    .executeTakeFirst();
  if (!person) return null;
  const memberships = await db
    .selectFrom("cohort_members")
    .innerJoin("cohorts", "cohorts.id", "cohort_members.cohort_id")
    .select(["cohorts.id", "cohorts.name", "cohorts.closed_at", "cohort_members.role"])
    .where("cohort_members.person_id", "=", personId)
    .orderBy("cohorts.name")
    .execute();
  return { ...person, memberships };
}

/**
 * Several memberships at once: the person joins each cohort as a learner (each under its own
 * capacity rule, all or nothing), or moves from one to another in one transaction.
 */
export async function changeMemberships(
  db: DB,
  actor: Actor,
  grants: Grant[],
  personId: string,
  change: { join: string[]; leave: string | null },
): Promise<Result<{ id: string }, PersonRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ id: string }, PersonRefusal>> => {
    const person = await trx.selectFrom("people").select(["id", "erased_at"]).where("id", "=", personId).where(peopleInScope(grants)).executeTakeFirst();
    if (!person) return refused("missing");
    if (person.erased_at) return refused("erased");
    if (change.leave && change.join.includes(change.leave)) return refused("same-cohort");
    for (const cohortId of change.join) {
      const joined = await addMembers(trx, cohortId, [{ personId, role: "officer" }]);
      if (!joined.ok) return refused(joined.code);
    }
    if (change.leave) {
      if (!(await removeLearner(trx, change.leave, personId))) return refused("not-member");
    }
    const action = change.leave && change.join.length ? "member.moved" : change.leave ? "member.removed" : "member.added";
    await audit(trx, { actorId: actor.id, action, targetType: "person", targetId: personId, details: { join: change.join, leave: change.leave }, requestId: actor.requestId });
    return { ok: true, id: personId };
  });
}
