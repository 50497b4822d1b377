import { sql, type ExpressionBuilder, type Expression, type SqlBool } from "kysely";
import type { DB } from "../../db/client";
import type { Database, RoleGrant, RoleName } from "../../db/types";
import { PERMISSIONS, type Permission } from "../roles";

/** Something a permission can be asked about: everything, or one country, institution or cohort. */
export type Scope =
  | { kind: "global" }
  | { kind: "country"; code: string }
  | { kind: "institution"; id: string }
  | { kind: "cohort"; id: string };

export type Grant = Pick<RoleGrant, "role" | "scope_kind" | "country_code" | "institution_id" | "cohort_id">;

/** What a global administrator holds: for scripts and benches that act with full scope. */
export const GLOBAL_ADMIN_GRANTS: Grant[] = [{ role: "admin", scope_kind: "global", country_code: null, institution_id: null, cohort_id: null }];

export async function grantsOf(db: DB, personId: string): Promise<Grant[]> {
  return db
    .selectFrom("role_grants")
    .select(["role", "scope_kind", "country_code", "institution_id", "cohort_id"])
    .where("person_id", "=", personId)
    .execute();
}

export function grantsFor(grants: Grant[], permission: Permission): Grant[] {
  const roles: readonly RoleName[] = PERMISSIONS[permission];
  return grants.filter((g) => roles.includes(g.role));
}

/**
 * Whether grants for a permission cover a scope. A country grant covers the institutions of
 * that country, so that case asks the database.
 */
export async function grantsCover(db: DB, grants: Grant[], scope: Scope): Promise<boolean> {
  if (grants.some((g) => g.scope_kind === "global")) return true;
  switch (scope.kind) {
    case "global":
      return false;
    case "country":
      return grants.some((g) => g.scope_kind === "country" && g.country_code === scope.code);
    case "cohort": {
      if (grants.some((g) => g.scope_kind === "cohort" && g.cohort_id === scope.id)) return true;
      const countries = grants.flatMap((g) => (g.scope_kind === "country" && g.country_code ? [g.country_code] : []));
      if (countries.length === 0) return false;
      const row = await db.selectFrom("cohorts").select("id").where("id", "=", scope.id).where("country_code", "in", countries).executeTakeFirst();
      return Boolean(row);
    }
    case "institution": {
      if (grants.some((g) => g.scope_kind === "institution" && g.institution_id === scope.id)) return true;
      const countries = grants.flatMap((g) => (g.scope_kind === "country" && g.country_code ? [g.country_code] : []));
      if (countries.length === 0) return false;
      const row = await db
        .selectFrom("institutions")
        .select("id")
        .where("id", "=", scope.id)
        .where("country_code", "in", countries)
        .executeTakeFirst();
      return Boolean(row);
    }
  }
}

/**
 * A WHERE condition on `people` that keeps only the people these grants may see: those of a
 * granted country or institution, or members of a granted cohort. Use it inside the query, so
 * scope is enforced by the database and never filtered after the fact.
 */
export function peopleInScope(grants: Grant[]) {
  return (eb: ExpressionBuilder<Database, "people">): Expression<SqlBool> => {
    if (grants.some((g) => g.scope_kind === "global")) return sql<SqlBool>`true`;
    const countries = grants.flatMap((g) => (g.country_code ? [g.country_code] : []));
    const institutions = grants.flatMap((g) => (g.institution_id ? [g.institution_id] : []));
    const cohorts = grants.flatMap((g) => (g.cohort_id ? [g.cohort_id] : []));
    const conditions: Expression<SqlBool>[] = [];
    if (countries.length) conditions.push(eb("people.country_code", "in", countries));
    if (institutions.length) conditions.push(eb("people.institution_id", "in", institutions));
    if (cohorts.length)
      conditions.push(
        eb(
          "people.id",
          "in",
          eb.selectFrom("cohort_members").select("cohort_members.person_id").where("cohort_members.cohort_id", "in", cohorts),
        ),
      );
    return conditions.length ? eb.or(conditions) : sql<SqlBool>`false`;
  };
}

/**
 * Cohorts these grants reach: granted cohorts, the cohorts run by a granted country
 * (cohorts.country_code), or all of them for a global grant. A regional cohort (no country)
 * is reached only globally or by a grant on it.
 */
export function cohortsInScope(grants: Grant[]) {
  return (eb: ExpressionBuilder<Database, "cohorts">): Expression<SqlBool> => {
    if (grants.some((g) => g.scope_kind === "global")) return sql<SqlBool>`true`;
    const cohorts = grants.flatMap((g) => (g.scope_kind === "cohort" && g.cohort_id ? [g.cohort_id] : []));
    const countries = grants.flatMap((g) => (g.scope_kind === "country" && g.country_code ? [g.country_code] : []));
    const conditions: Expression<SqlBool>[] = [];
    if (cohorts.length) conditions.push(eb("cohorts.id", "in", cohorts));
    if (countries.length) conditions.push(eb("cohorts.country_code", "in", countries));
    return conditions.length ? eb.or(conditions) : sql<SqlBool>`false`;
  };
}

/** Whether these grants may open a new cohort run by this country (null: a regional cohort). */
export function mayCreateCohortIn(grants: Grant[], countryCode: string | null): boolean {
  if (grants.some((g) => g.scope_kind === "global")) return true;
  return countryCode !== null && grants.some((g) => g.scope_kind === "country" && g.country_code === countryCode);
}
