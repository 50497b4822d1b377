import { sql } from "kysely";
import type { DB, Trx } from "../../../db/client";
import type { Result } from "../result";

// One store for every persisted machine (quiz attempts, scenario plays): a row per person and
// course item holding the machine's state, the version of the machine that wrote it, and a row
// version so that a stale tab or a repeated POST cannot overwrite newer state.

/** The tables that keep a machine's state, with the column naming the item and the one holding the state. */
const STATE_TABLES = {
  quiz_states: { idColumn: "quiz_id", stateColumn: "snapshot" },
  scenario_states: { idColumn: "scenario_id", stateColumn: "state" },
} as const;

export interface StateStore<S> {
  table: keyof typeof STATE_TABLES;
  machineVersion: number;
  initial(): S;
  restore(stored: unknown): S;
  persist(state: S): unknown;
}

export interface StateKey {
  personId: string;
  courseId: string;
  itemId: string;
}

export type StateCode = "machine-version";
export type Loaded<S> = Result<{ state: S; version: number }, StateCode>;

interface Row {
  stored: unknown;
  version: number;
  machine_version: number;
}

function selectRow<S>(store: StateStore<S>, key: StateKey, lock: boolean) {
  return sql<Row>`select ${sql.ref(STATE_TABLES[store.table].stateColumn)} as stored, version, machine_version from ${sql.table(store.table)}
    where person_id = ${key.personId} and course_id = ${key.courseId} and ${sql.ref(STATE_TABLES[store.table].idColumn)} = ${key.itemId}
    ${lock ? sql`for update` : sql``}`;
}

function loaded<S>(store: StateStore<S>, row: Row | undefined): Loaded<S> {
  if (!row) return { ok: true, state: store.initial(), version: 0 };
  if (row.machine_version !== store.machineVersion) return { ok: false, code: "machine-version" };
  return { ok: true, state: store.restore(row.stored), version: row.version };
}

/** The person's state and its row version (0: nothing stored yet). */
export async function loadVersionedState<S>(db: DB | Trx, store: StateStore<S>, key: StateKey): Promise<Loaded<S>> {
  const { rows } = await selectRow(store, key, false).execute(db);
  return loaded(store, rows[0]);
}

export type StepCode = "stale" | "refused" | StateCode;
export type Stepped<S, T> =
  | { ok: true; changed: boolean; before: S; state: S; version: number; step: T | null }
  | { ok: false; code: StepCode; state: S; version: number };

/**
 * Restores the state under a row lock, asks `step` for the next one, and saves it. `expected`
 * is the row version the page showed (null: whatever is stored, for the server's own events such
 * as a time limit). A stale version, a step that refuses (returns null) or a stored state of
 * another machine version changes nothing. `step` answers the new state and whatever the
 * caller needs to record with it; a state equal to the one before is not saved.
 */
export async function stepVersionedState<S, T>(
  trx: Trx,
  store: StateStore<S>,
  key: StateKey,
  expected: number | null,
  step: (before: S) => { state: S; extra: T } | null,
): Promise<Stepped<S, T>> {
  // The row lock serialises every step of one person on one item, across processes.
  const { rows } = await selectRow(store, key, true).execute(trx);
  const current = loaded(store, rows[0]);
  if (!current.ok) return { ok: false, code: current.code, state: store.initial(), version: 0 };
  const { state: before, version } = current;
  if (expected !== null && expected !== version) return { ok: false, code: "stale", state: before, version };
  const next = step(before);
  if (!next) return { ok: false, code: "refused", state: before, version };
  if (JSON.stringify(store.persist(next.state)) === JSON.stringify(store.persist(before))) {
    return { ok: true, changed: false, before, state: before, version, step: null };
  }
  const stored = JSON.stringify(store.persist(next.state));
  if (rows[0]) {
    await sql`update ${sql.table(store.table)} set ${sql.ref(STATE_TABLES[store.table].stateColumn)} = ${stored}::jsonb, version = ${version + 1}, machine_version = ${store.machineVersion}, updated_at = now()
      where person_id = ${key.personId} and course_id = ${key.courseId} and ${sql.ref(STATE_TABLES[store.table].idColumn)} = ${key.itemId}`.execute(trx);
  } else {
    // The first step: two racing tabs both find no row; the key lets one insert and the other
    // (waiting on it) finds it taken, so it is stale, as if it had seen the row.
    const inserted = await sql`insert into ${sql.table(store.table)} (person_id, course_id, ${sql.ref(STATE_TABLES[store.table].idColumn)}, ${sql.ref(STATE_TABLES[store.table].stateColumn)}, version, machine_version)
      values (${key.personId}, ${key.courseId}, ${key.itemId}, ${stored}::jsonb, 1, ${store.machineVersion})
      on conflict do nothing returning version`.execute(trx);
    if (inserted.rows.length === 0) {
      const now = loaded(store, (await selectRow(store, key, false).execute(trx)).rows[0]);
      return { ok: false, code: "stale", state: now.ok ? now.state : before, version: now.ok ? now.version : version };
    }
  }
  return { ok: true, changed: true, before, state: next.state, version: version + 1, step: next.extra };
}
