import { sql } from "kysely";
import type { DB } from "../../db/client";
import { newToken } from "../utils/tokens.server";
import { audit } from "./audit.server";
import { createPasswordReset } from "./password-reset.server";
import { createPerson, grantRole, normaliseEmail } from "./person.server";
import { refusableTransaction } from "./refusable-transaction.server";
import { refused, type Result } from "./result";

const FIRST_ADMIN_LOCK = 7_310_009;

export interface FirstAdmin {
  email: string;
  name: string;
  locale: string;
  /** Make another global admin although one exists (a lost password, a second administrator). */
  force: boolean;
  resetLinkMs: number;
}

/**
 * The first administrator of a new installation (`npm run admin:create`): a person with a
 * global admin grant and a one-time link to set their password, so no password ever passes
 * through a terminal or a shell history. An existing person with that email is made admin.
 * Refused when a global admin exists, unless forced.
 */
type Created = { personId: string; token: string; created: boolean };

export async function createFirstAdmin(db: DB, input: FirstAdmin): Promise<Result<Created, "admin-exists">> {
  return refusableTransaction(db, async (trx): Promise<Result<Created, "admin-exists">> => {
    await sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`.execute(trx);
    const admin = await trx
      .selectFrom("role_grants")
      .innerJoin("people", "people.id", "role_grants.person_id")
      .select("role_grants.id")
      .where("role_grants.role", "=", "admin")
      .where("role_grants.scope_kind", "=", "global")
      .where("people.disabled_at", "is", null)
      .executeTakeFirst();
    if (admin && !input.force) return refused("admin-exists");
    const existing = await trx.selectFrom("people").select("id").where("email", "=", normaliseEmail(input.email)).executeTakeFirst();
    // A random password nobody knows: the person sets theirs with the link.
    const personId = existing?.id ?? (await createPerson(trx, { email: input.email, displayName: input.name, locale: input.locale, password: newToken() }));
    await grantRole(trx, personId, "admin", { kind: "global" }, null);
    const { token } = await createPasswordReset(trx, personId, personId, input.resetLinkMs);
    await audit(trx, { actorId: null, action: "role.granted", targetType: "person", targetId: personId, details: { role: "admin", scope: "global", by: "admin:create" } });
    return { ok: true, personId, token, created: !existing };
  });
}
