import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { ImportRow, LineError } from "../import/validate";
import { peopleInScope, type Grant } from "./access.server";

export type RowAction = "create" | "update" | "skip";

export interface PlannedRow extends ImportRow {
  action: RowAction;
  /** The person is not yet a member: importing takes one of the cohort's seats. */
  joins: boolean;
  personId: string | null;
  institutionId: string | null;
  unitId: string | null;
}

export interface Plan {
  rows: PlannedRow[];
  errors: LineError[];
}

const CHUNK = 1000;
const fold = (s: string) => s.trim().toLowerCase();

/**
 * What importing checked rows into a cohort would do, line by line: create a person, update
 * one (matched by e-mail; empty cells leave a field as it is; joining the cohort is an update)
 * or skip one that is already so. Countries, institutions and units must exist. A person who
 * already has an account outside the importer's scope (`grants`, checked in SQL) is a bad line:
 * a coordinator may not change, or pull into a cohort, someone they cannot see.
 */
export async function planEnrolment(db: DB, grants: Grant[], cohortId: string, rows: readonly ImportRow[], errors: readonly LineError[]): Promise<Plan> {
  const countries = unique(rows.map((r) => r.country));
  const known = new Set(countries.length ? (await db.selectFrom("countries").select("code").where("code", "in", countries).execute()).map((c) => c.code) : []);
  const institutions = countries.length
    ? await db.selectFrom("institutions").select(["id", "country_code", "name", "short_name"]).where("country_code", "in", countries).execute()
    : [];
  const institutionKey = new Map<string, string>();
  for (const i of institutions) {
    institutionKey.set(`${i.country_code}|${fold(i.short_name)}`, i.id);
    institutionKey.set(`${i.country_code}|${fold(i.name)}`, i.id);
  }
  const units = institutions.length
    ? await db.selectFrom("units").select(["id", "institution_id", "name"]).where("institution_id", "in", institutions.map((i) => i.id)).execute()
    : [];
  const unitKey = new Map(units.map((u) => [`${u.institution_id}|${fold(u.name)}`, u.id]));
  const existing = await peopleByEmail(db, grants, cohortId, rows.map((r) => r.email));

  const planned: PlannedRow[] = [];
  const all: LineError[] = [...errors];
  for (const row of rows) {
    let institutionId: string | null = null;
    let unitId: string | null = null;
    if (row.country && !known.has(row.country)) {
      all.push({ line: row.line, column: "country", code: "unknownCountry" });
      continue;
    }
    if (row.institution) {
      institutionId = institutionKey.get(`${row.country}|${fold(row.institution)}`) ?? null;
      if (!institutionId) {
        all.push({ line: row.line, column: "institution", code: "unknownInstitution" });
        continue;
      }
    }
    if (row.unit && institutionId) {
      unitId = unitKey.get(`${institutionId}|${fold(row.unit)}`) ?? null;
      if (!unitId) {
        all.push({ line: row.line, column: "unit", code: "unknownUnit" });
        continue;
      }
    }
    const person = existing.get(row.email);
    if (person && !person.in_scope) {
      all.push({ line: row.line, column: "email", code: "outOfScope" });
      continue;
    }
    const action: RowAction = !person
      ? "create"
      : !person.member ||
          person.display_name !== row.name ||
          (row.language !== null && person.locale !== row.language) ||
          (row.country !== null && person.country_code !== row.country) ||
          (institutionId !== null && person.institution_id !== institutionId) ||
          (unitId !== null && person.unit_id !== unitId)
        ? "update"
        : "skip";
    planned.push({ ...row, action, joins: !person?.member, personId: person?.id ?? null, institutionId, unitId });
  }
  all.sort((a, b) => a.line - b.line);
  return { rows: planned, errors: all };
}

/**
 * When importing the plan would take the cohort past its capacity: how many people it would
 * add and how many seats are free (null when it fits), so the preview can say so beforehand.
 */
export function seatsShortfall(rows: readonly PlannedRow[], cohort: { capacity: number | null; learners: number }): { joining: number; free: number } | null {
  const joining = rows.filter((r) => r.joins).length;
  if (cohort.capacity === null || cohort.learners + joining <= cohort.capacity) return null;
  return { joining, free: Math.max(0, cohort.capacity - cohort.learners) };
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

async function peopleByEmail(db: DB, grants: Grant[], cohortId: string, emails: string[]) {
  type Found = { id: string; display_name: string; locale: string; country_code: string | null; institution_id: string | null; unit_id: string | null; member: boolean; in_scope: boolean };
  const found = new Map<string, Found>();
  for (let i = 0; i < emails.length; i += CHUNK) {
    const rows = await db
      .selectFrom("people")
      .leftJoin("cohort_members", (j) => j.onRef("cohort_members.person_id", "=", "people.id").on("cohort_members.cohort_id", "=", cohortId))
      .select(["people.id", "people.email", "people.display_name", "people.locale", "people.country_code", "people.institution_id", "people.unit_id", "cohort_members.person_id as member_id"])
      .select((eb) => sql<boolean>`${peopleInScope(grants)(eb as never)}`.as("in_scope"))
      .where("people.email", "in", emails.slice(i, i + CHUNK))
      .execute();
    for (const { email, member_id, ...p } of rows) found.set(email, { ...p, member: member_id !== null });
  }
  return found;
}
