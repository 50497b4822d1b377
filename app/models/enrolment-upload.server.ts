import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { Upload } from "./enrolment-file.server";

const KEPT_FOR = "1 day";

/** Keeps an uploaded file for its preview and import; older uploads are dropped on the way. */
export async function keepUpload(db: DB, input: { cohortId: string; personId: string; upload: Upload }): Promise<string> {
  await db.deleteFrom("enrolment_uploads").where("created_at", "<", sql<Date>`now() - ${KEPT_FOR}::interval`).execute();
  const row = await db
    .insertInto("enrolment_uploads")
    .values({ cohort_id: input.cohortId, uploaded_by: input.personId, file_name: input.upload.name, bytes: input.upload.bytes })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The file this person uploaded for this cohort, if it is still kept. */
export async function findUpload(db: DB, input: { id: string; cohortId: string; personId: string }): Promise<Upload | null> {
  const row = await db
    .selectFrom("enrolment_uploads")
    .select(["file_name", "bytes"])
    .where("id", "=", input.id)
    .where("cohort_id", "=", input.cohortId)
    .where("uploaded_by", "=", input.personId)
    .where("created_at", ">=", sql<Date>`now() - ${KEPT_FOR}::interval`)
    .executeTakeFirst();
  return row ? { name: row.file_name, bytes: new Uint8Array(row.bytes) } : null;
}

export async function dropUpload(db: DB, id: string): Promise<void> {
  await db.deleteFrom("enrolment_uploads").where("id", "=", id).execute();
}
