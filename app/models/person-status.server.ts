import { sql } from "kysely";
import type { Trx } from "../../db/client";
import { audit } from "./audit.server";
import { erasureOf } from "./privacy/erasure.server";
import { refused, type Result } from "./result";

export type StatusRefusal = "person-missing" | "own-account" | "erasure";

/**
 * Deactivates or reactivates an account. Deactivating ends every session at once (the session
 * lookup also refuses disabled people, so the next request is refused even on a stale cookie);
 * progress, certificates and history stay, so reactivating gives the person back their record.
 */
export async function setPersonActive(
  trx: Trx,
  change: { actorId: string; personId: string; active: boolean; requestId?: string },
): Promise<Result<{ changed: boolean }, StatusRefusal>> {
  if (change.actorId === change.personId && !change.active) return refused("own-account");
  // Erasure blocked the account: it opens again only once the request is cancelled, never once erased.
  // (A request neither cancelled nor purged, or a purged one: erasureOf answers both.)
  if (change.active && (await erasureOf(trx, change.personId))) return refused("erasure");
  const updated = await trx
    .updateTable("people")
    .set({ disabled_at: change.active ? null : sql`now()` })
    .where("id", "=", change.personId)
    .where("disabled_at", change.active ? "is not" : "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!updated) {
    const exists = await trx.selectFrom("people").select("id").where("id", "=", change.personId).executeTakeFirst();
    return exists ? { ok: true, changed: false } : refused("person-missing");
  }
  if (!change.active) {
    await trx.updateTable("sessions").set({ revoked_at: sql`now()` }).where("person_id", "=", change.personId).where("revoked_at", "is", null).execute();
  }
  await audit(trx, {
    actorId: change.actorId,
    action: change.active ? "person.reactivated" : "person.deactivated",
    targetType: "person",
    targetId: change.personId,
    ...(change.requestId ? { requestId: change.requestId } : {}),
  });
  return { ok: true, changed: true };
}
