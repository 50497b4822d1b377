import type { DB } from "../../db/client";
import { audit } from "./audit.server";
import { verifyPassword } from "./password.server";
import { passwordHashOf, setPassword } from "./person.server";
import type { Result } from "./result";
import { revokeOtherSessions } from "./session.server";

/**
 * A person changes their own password: the current one is checked; the new one is set, their
 * other sessions end and the change is audited, all in one transaction.
 */
export async function changeOwnPassword(
  db: DB,
  input: { personId: string; currentPassword: string; newPassword: string; keepSessionToken: string | undefined; requestId: string },
): Promise<Result<object, "wrong-password">> {
  if (!(await verifyPassword(await passwordHashOf(db, input.personId), input.currentPassword))) return { ok: false, code: "wrong-password" };
  await db.transaction().execute(async (trx) => {
    await setPassword(trx, input.personId, input.newPassword);
    await revokeOtherSessions(trx, input.personId, input.keepSessionToken);
    await audit(trx, { actorId: input.personId, action: "password.changed", targetType: "person", targetId: input.personId, requestId: input.requestId });
  });
  return { ok: true };
}
