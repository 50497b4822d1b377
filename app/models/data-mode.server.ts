import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { DataMode } from "../../db/types";
import { audit, type Actor } from "./audit.server";
import { refusableTransaction } from "./refusable-transaction.server";
import { refused, type Result } from "./result";

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

/** Sets a cohort's low-data setting and audits it, in one transaction. */
export async function setCohortLowData(db: DB, by: Actor, cohortId: string, lowData: boolean): Promise<Result<object, "cohort-missing">> {
  return refusableTransaction<object, "cohort-missing">(db, async (trx) => {
    const result = await trx.updateTable("cohorts").set({ low_data: lowData }).where("id", "=", cohortId).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return refused("cohort-missing");
    await audit(trx, { actorId: by.actorId, action: "cohort.low-data", targetType: "cohort", targetId: cohortId, details: { lowData }, requestId: by.requestId });
    return { ok: true };
  });
}
