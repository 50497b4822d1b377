import type { DB } from "../../db/client";
import { defaultZoneFor, isValidZone } from "../sessions/time-zone";
import { refused, type Result } from "./result";

// The time zone sessions and due dates are shown in: the person's choice, else the zone of their
// first cohort's country, else of their own country.

export async function cohortZoneOf(db: DB, personId: string, personCountry: string | null): Promise<string> {
  const row = await db
    .selectFrom("cohort_members")
    .innerJoin("cohorts", "cohorts.id", "cohort_members.cohort_id")
    .select("cohorts.country_code")
    .where("cohort_members.person_id", "=", personId)
    .where("cohorts.country_code", "is not", null)
    .orderBy("cohort_members.joined_at")
    .limit(1)
    .executeTakeFirst();
  return defaultZoneFor(row?.country_code ?? personCountry);
}

/** null: follow the cohort's zone again. */
export async function setTimeZone(db: DB, personId: string, zone: string | null): Promise<Result<object, "invalidZone">> {
  if (zone !== null && !isValidZone(zone)) return refused("invalidZone");
  await db.updateTable("people").set({ time_zone: zone }).where("id", "=", personId).execute();
  return { ok: true };
}
