import type { DB } from "../../../db/client";
import { peopleInScope, type Grant } from "../access.server";

// The erasure requests an admin can see (their scope): waiting ones first, then the done and
// the cancelled, newest first. A purged person is listed under their pseudonym only.

export type ErasureRequestState = "pending" | "purged" | "cancelled";

export interface ErasureRequestRow {
  personId: string;
  name: string;
  requestedAt: Date;
  purgeAfter: Date;
  state: ErasureRequestState;
  /** When it was purged or cancelled; null while it waits. */
  closedAt: Date | null;
}

export async function listErasureRequests(db: DB, grants: Grant[], page: { limit: number; offset: number }): Promise<{ rows: ErasureRequestRow[]; total: number }> {
  const base = db
    .selectFrom("erasure_requests")
    .innerJoin("people", "people.id", "erasure_requests.person_id")
    .where(peopleInScope(grants));
  const [rows, count] = await Promise.all([
    base
      .select([
        "erasure_requests.person_id",
        "people.display_name",
        "erasure_requests.requested_at",
        "erasure_requests.purge_after",
        "erasure_requests.purged_at",
        "erasure_requests.cancelled_at",
      ])
      .orderBy((eb) => eb.case().when(eb.and([eb("erasure_requests.purged_at", "is", null), eb("erasure_requests.cancelled_at", "is", null)])).then(0).else(1).end())
      .orderBy("erasure_requests.requested_at", "desc")
      .orderBy("erasure_requests.id")
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      personId: r.person_id,
      name: r.display_name,
      requestedAt: r.requested_at,
      purgeAfter: r.purge_after,
      state: r.purged_at ? "purged" : r.cancelled_at ? "cancelled" : "pending",
      closedAt: r.purged_at ?? r.cancelled_at,
    })),
  };
}
