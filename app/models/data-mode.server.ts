import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { DataMode } from "../../db/types";

/** A person's own choice: "low", "full", or "cohort" (follow their cohorts' setting). */
export type DataModeChoice = DataMode | "cohort";

/** Whether any cohort of the person is set to low data (an SQL expression on people.id). */
export const cohortWantsLowData = sql<boolean>`exists (select 1 from cohort_members cm join cohorts c on c.id = cm.cohort_id where cm.person_id = people.id and c.low_data)`;

/** The person's own choice wins; without one, any of their cohorts set to low data decides. */
export function lowDataFor(choice: DataMode | null, cohortLowData: boolean): boolean {
  return choice ? choice === "low" : cohortLowData;
}

export async function dataModeOf(db: DB, personId: string): Promise<{ choice: DataModeChoice; cohortLowData: boolean }> {
  const row = await db
    .selectFrom("people")
    .select(["data_mode", cohortWantsLowData.as("cohort_low_data")])
    .where("id", "=", personId)
    .executeTakeFirstOrThrow();
  return { choice: row.data_mode ?? "cohort", cohortLowData: row.cohort_low_data };
}

export async function setDataMode(db: DB, personId: string, choice: DataModeChoice): Promise<void> {
  await db
    .updateTable("people")
    .set({ data_mode: choice === "cohort" ? null : choice })
    .where("id", "=", personId)
    .execute();
}

/** Every cohort with its low-data setting, by name (the admin's list). */
export async function cohortsWithDataMode(db: DB) {
  return db.selectFrom("cohorts").select(["id", "name", "starts_on", "low_data"]).orderBy("name").execute();
}

/** Sets a cohort's low-data setting; false when there is no such cohort. */
export async function setCohortLowData(db: DB, cohortId: string, lowData: boolean): Promise<boolean> {
  const result = await db.updateTable("cohorts").set({ low_data: lowData }).where("id", "=", cohortId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
