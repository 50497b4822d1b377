import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { GrantableRole } from "../auth/grantable-roles";
import { audit } from "./audit.server";
import { addMembers, endFacilitatorMembership } from "./cohort-membership.server";
import type { Actor } from "./countries.server";
import { grantRole, normaliseEmail, type GrantScope } from "./person.server";
import { refusableTransaction } from "./refusable-transaction.server";
import { refused, type Result } from "./result";

const likePattern = (search: string) => `%${search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every grant above officer, with who holds it, its scope's name, who granted it and when. */
export async function listGrants(db: DB, query: { search: string; limit: number; offset: number }) {
  let base = db.selectFrom("role_grants").innerJoin("people", "people.id", "role_grants.person_id").where("role_grants.role", "!=", "officer");
  if (query.search.trim()) {
    const pattern = likePattern(query.search);
    base = base.where((eb) => eb.or([eb(sql`lower(people.display_name)`, "like", pattern), eb("people.email", "like", pattern)]));
  }
  const [rows, total] = await Promise.all([
    base
      .leftJoin("institutions", "institutions.id", "role_grants.institution_id")
      .leftJoin("cohorts", "cohorts.id", "role_grants.cohort_id")
      .leftJoin("people as granter", "granter.id", "role_grants.granted_by")
      .select([
        "role_grants.id",
        "role_grants.role",
        "role_grants.scope_kind",
        "role_grants.country_code",
        "role_grants.created_at",
        "people.display_name",
        "people.email",
        "institutions.name as institution_name",
        "cohorts.name as cohort_name",
        "granter.display_name as granted_by_name",
      ])
      .orderBy("people.display_name")
      .orderBy("role_grants.role")
      .orderBy("role_grants.id")
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type GrantRefusal = "person-missing" | "scope-missing" | "exists" | "missing" | "last-admin" | "closed" | "full";

async function scopeExists(db: DB, scope: GrantScope): Promise<boolean> {
  switch (scope.kind) {
    case "global":
      return true;
    case "country":
      return Boolean(await db.selectFrom("countries").select("code").where("code", "=", scope.code).where("retired_at", "is", null).executeTakeFirst());
    case "institution":
      return Boolean(await db.selectFrom("institutions").select("id").where("id", "=", scope.id).where("retired_at", "is", null).executeTakeFirst());
    case "cohort":
      return Boolean(await db.selectFrom("cohorts").select("id").where("id", "=", scope.id).executeTakeFirst());
  }
}

const scopeDetails = (scope: GrantScope) => ({ scope: scope.kind, ...(scope.kind === "country" ? { country: scope.code } : scope.kind === "global" ? {} : { id: scope.id }) });

/** Gives a person (by email) a role in a scope; a facilitator of a cohort also joins it (as facilitator). */
export async function grantByEmail(db: DB, actor: Actor, email: string, role: GrantableRole, scope: GrantScope): Promise<Result<{ personId: string }, GrantRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ personId: string }, GrantRefusal>> => {
    const person = await trx.selectFrom("people").select("id").where("email", "=", normaliseEmail(email)).where("disabled_at", "is", null).executeTakeFirst();
    if (!person) return refused("person-missing");
    if (!(await scopeExists(trx, scope))) return refused("scope-missing");
    const before = await trx.selectFrom("role_grants").select((eb) => eb.fn.countAll<number>().as("n")).where("person_id", "=", person.id).executeTakeFirstOrThrow();
    await grantRole(trx, person.id, role, scope, actor.id);
    const after = await trx.selectFrom("role_grants").select((eb) => eb.fn.countAll<number>().as("n")).where("person_id", "=", person.id).executeTakeFirstOrThrow();
    if (Number(after.n) === Number(before.n)) return refused("exists");
    if (role === "facilitator" && scope.kind === "cohort") {
      // An officer of the cohort who becomes its facilitator facilitates it from now on (one
      // membership per person and cohort); their progress in its courses is kept.
      await trx.updateTable("cohort_members").set({ role: "facilitator" }).where("cohort_id", "=", scope.id).where("person_id", "=", person.id).execute();
      const joined = await addMembers(trx, scope.id, [{ personId: person.id, role: "facilitator" }]);
      if (!joined.ok) return refused(joined.code === "cohort-missing" ? "scope-missing" : joined.code);
    }
    await audit(trx, { actorId: actor.id, action: "role.granted", targetType: "person", targetId: person.id, details: { role, ...scopeDetails(scope) }, requestId: actor.requestId });
    return { ok: true, personId: person.id };
  });
}

/**
 * Takes a grant away. The last global admin grant of an active person cannot go: the global
 * admin grants are locked first, so two admins revoking each other at once cannot both succeed.
 */
export async function revokeGrant(db: DB, actor: Actor, grantId: string): Promise<Result<{ personId: string }, GrantRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ personId: string }, GrantRefusal>> => {
    const admins = await trx
      .selectFrom("role_grants")
      .innerJoin("people", "people.id", "role_grants.person_id")
      .select(["role_grants.id", "people.disabled_at"])
      .where("role_grants.role", "=", "admin")
      .where("role_grants.scope_kind", "=", "global")
      .orderBy("role_grants.id")
      .forUpdate()
      .execute();
    const grant = await trx.selectFrom("role_grants").select(["id", "person_id", "role", "scope_kind", "country_code", "institution_id", "cohort_id"]).where("id", "=", grantId).forUpdate().executeTakeFirst();
    if (!grant) return refused("missing");
    if (grant.role === "admin" && grant.scope_kind === "global" && admins.filter((a) => a.id !== grant.id && !a.disabled_at).length === 0) return refused("last-admin");
    await trx.deleteFrom("role_grants").where("id", "=", grantId).execute();
    if (grant.role === "facilitator" && grant.cohort_id) {
      await endFacilitatorMembership(trx, grant.cohort_id, grant.person_id);
    }
    await audit(trx, {
      actorId: actor.id,
      action: "role.revoked",
      targetType: "person",
      targetId: grant.person_id,
      details: { role: grant.role, scope: grant.scope_kind, country: grant.country_code, institution: grant.institution_id, cohort: grant.cohort_id },
      requestId: actor.requestId,
    });
    return { ok: true, personId: grant.person_id };
  });
}
