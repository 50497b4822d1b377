import type { Trx } from "../../../db/client";
import type { PersonalRecord } from "./kinds";

// Who the person is in Sendero: their profile, the roles they hold and the cohorts they belong to.

/** The profile row (none for an unknown id). Never the password hash: `credentials` is not read. */
export async function profileRecords(trx: Trx, personId: string): Promise<PersonalRecord<"profile">[]> {
  const rows = await trx
    .selectFrom("people")
    .leftJoin("institutions", "institutions.id", "people.institution_id")
    .leftJoin("units", "units.id", "people.unit_id")
    .leftJoin("mail_preferences", "mail_preferences.person_id", "people.id")
    .select([
      "people.id",
      "people.email",
      "people.display_name",
      "people.locale",
      "people.country_code",
      "institutions.name as institution",
      "units.name as unit",
      "people.created_at",
      "people.disabled_at",
      "people.data_mode",
      "people.time_zone",
      "mail_preferences.reminders",
      "mail_preferences.digests",
    ])
    .where("people.id", "=", personId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    locale: r.locale,
    countryCode: r.country_code,
    institution: r.institution,
    unit: r.unit,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
    dataMode: r.data_mode,
    timeZone: r.time_zone,
    // No row: the defaults (both on).
    mailReminders: r.reminders ?? true,
    mailDigests: r.digests ?? true,
  }));
}

export async function roleRecords(trx: Trx, personId: string): Promise<PersonalRecord<"roles">[]> {
  const rows = await trx
    .selectFrom("role_grants")
    .leftJoin("institutions", "institutions.id", "role_grants.institution_id")
    .leftJoin("cohorts", "cohorts.id", "role_grants.cohort_id")
    .select(["role_grants.role", "role_grants.scope_kind", "role_grants.country_code", "institutions.name as institution", "cohorts.name as cohort", "role_grants.created_at"])
    .where("role_grants.person_id", "=", personId)
    .orderBy("role_grants.created_at")
    .execute();
  return rows.map((r) => ({ role: r.role, scopeKind: r.scope_kind, countryCode: r.country_code, institution: r.institution, cohort: r.cohort, grantedAt: r.created_at }));
}

export async function membershipRecords(trx: Trx, personId: string): Promise<PersonalRecord<"memberships">[]> {
  const rows = await trx
    .selectFrom("cohort_members")
    .innerJoin("cohorts", "cohorts.id", "cohort_members.cohort_id")
    .select(["cohorts.name", "cohorts.country_code", "cohort_members.role", "cohort_members.joined_at", "cohorts.starts_on", "cohorts.ends_on", "cohorts.closed_at"])
    .where("cohort_members.person_id", "=", personId)
    .orderBy("cohort_members.joined_at")
    .execute();
  return rows.map((r) => ({ cohort: r.name, cohortCountry: r.country_code, role: r.role, joinedAt: r.joined_at, startsOn: r.starts_on, endsOn: r.ends_on, closedAt: r.closed_at }));
}
