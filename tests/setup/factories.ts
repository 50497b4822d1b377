import { randomBytes } from "node:crypto";
import type { DB } from "../../db/client";
import type { RoleName } from "../../db/types";
import { addToCohort, createPerson, grantRole, type GrantScope } from "../../app/models/person.server";

const unique = () => randomBytes(4).toString("hex");

export async function makeCountry(db: DB, code: string): Promise<string> {
  await db.insertInto("countries").values({ code }).onConflict((oc) => oc.doNothing()).execute();
  return code;
}

export async function makeInstitution(db: DB, countryCode: string, name = `Institución ${unique()}`): Promise<string> {
  await makeCountry(db, countryCode);
  const row = await db
    .insertInto("institutions")
    .values({ country_code: countryCode, name, short_name: name.slice(0, 12) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeCohort(db: DB, name = `Grupo ${unique()}`): Promise<string> {
  const row = await db.insertInto("cohorts").values({ name, starts_on: "2026-01-01", ends_on: "2026-12-31" }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export interface PersonSpec {
  role?: RoleName;
  scope?: GrantScope;
  cohortId?: string;
  countryCode?: string;
  institutionId?: string;
  password?: string;
  name?: string;
}

/** A person with a password, a role in a scope, and (given a cohort) membership of it. */
export async function makePerson(db: DB, spec: PersonSpec = {}) {
  const email = `person-${unique()}@test.sendero.test`;
  const password = spec.password ?? "correct horse battery";
  if (spec.countryCode) await makeCountry(db, spec.countryCode);
  const id = await createPerson(db, {
    email,
    displayName: spec.name ?? `Persona ${unique()}`,
    locale: "es",
    password,
    countryCode: spec.countryCode ?? null,
    institutionId: spec.institutionId ?? null,
  });
  const role = spec.role ?? "officer";
  const scope: GrantScope = spec.scope ?? (spec.cohortId ? { kind: "cohort", id: spec.cohortId } : { kind: "global" });
  await grantRole(db, id, role, scope, null);
  if (spec.cohortId) await addToCohort(db, spec.cohortId, id, role);
  return { id, email, password };
}
