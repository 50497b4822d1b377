import type { DB, Trx } from "../../db/client";
import type { Result } from "./result";

/** Carries a refusal out of a transaction so that everything the step wrote is rolled back. */
class RolledBack<Code extends string> extends Error {
  constructor(readonly refusal: { ok: false; code: Code }) {
    super(`refused: ${refusal.code}`);
  }
}

/**
 * Runs `step` in a transaction that commits when it answers `ok` and rolls back when it answers
 * a refusal, so a refused step (a full cohort, a bad import line) leaves nothing half-written.
 */
export async function refusableTransaction<T extends object, Code extends string>(
  db: DB,
  step: (trx: Trx) => Promise<Result<T, Code>>,
): Promise<Result<T, Code>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const result = await step(trx);
      if (!result.ok) throw new RolledBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.refusal as { ok: false; code: Code };
    throw error;
  }
}
