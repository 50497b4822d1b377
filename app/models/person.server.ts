import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { RoleName, ScopeKind } from "../../db/types";
import { hashPassword } from "./password.server";

export interface NewAccount {
  email: string;
  displayName: string;
  locale: string;
  password: string;
  countryCode?: string | null;
  institutionId?: string | null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a person with a password. Call inside a transaction together with their grants. */
export async function createPerson(db: DB, account: NewAccount): Promise<string> {
  const { id } = await db
    .insertInto("people")
    .values({
      email: normaliseEmail(account.email),
      display_name: account.displayName.trim(),
      locale: account.locale,
      country_code: account.countryCode ?? null,
      institution_id: account.institutionId ?? null,
      unit_id: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("credentials")
    .values({ person_id: id, password_hash: await hashPassword(account.password) })
    .execute();
  return id;
}

export async function findPersonByEmail(db: DB, email: string) {
  return db
    .selectFrom("people")
    .leftJoin("credentials", "credentials.person_id", "people.id")
    .select(["people.id", "people.disabled_at", "credentials.password_hash"])
    .where("people.email", "=", normaliseEmail(email))
    .executeTakeFirst();
}

export async function emailTaken(db: DB, email: string): Promise<boolean> {
  const row = await db.selectFrom("people").select("id").where("email", "=", normaliseEmail(email)).executeTakeFirst();
  return Boolean(row);
}

export type GrantScope =
  | { kind: Extract<ScopeKind, "global"> }
  | { kind: "country"; code: string }
  | { kind: "institution"; id: string }
  | { kind: "cohort"; id: string };

export async function grantRole(
  db: DB,
  personId: string,
  role: RoleName,
  scope: GrantScope,
  grantedBy: string | null,
): Promise<void> {
  await db
    .insertInto("role_grants")
    .values({
      person_id: personId,
      role,
      scope_kind: scope.kind,
      country_code: scope.kind === "country" ? scope.code : null,
      institution_id: scope.kind === "institution" ? scope.id : null,
      cohort_id: scope.kind === "cohort" ? scope.id : null,
      granted_by: grantedBy,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function addToCohort(db: DB, cohortId: string, personId: string, role: RoleName): Promise<void> {
  await db
    .insertInto("cohort_members")
    .values({ cohort_id: cohortId, person_id: personId, role })
    .onConflict((oc) => oc.columns(["cohort_id", "person_id"]).doNothing())
    .execute();
}

/** Sets a password; people created by an import have none until they use their link. */
export async function setPassword(db: DB, personId: string, password: string): Promise<void> {
  const password_hash = await hashPassword(password);
  await db
    .insertInto("credentials")
    .values({ person_id: personId, password_hash })
    .onConflict((oc) => oc.column("person_id").doUpdateSet({ password_hash, updated_at: sql`now()` }))
    .execute();
}

export async function passwordHashOf(db: DB, personId: string): Promise<string | undefined> {
  const row = await db.selectFrom("credentials").select("password_hash").where("person_id", "=", personId).executeTakeFirst();
  return row?.password_hash;
}

export async function setLocale(db: DB, personId: string, locale: string): Promise<void> {
  await db.updateTable("people").set({ locale }).where("id", "=", personId).execute();
}
