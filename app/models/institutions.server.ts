import { sql } from "kysely";
import type { DB, Trx } from "../../db/client";
import type { InstitutionKind } from "../../db/types";
import { audit } from "./audit.server";
import type { Actor } from "./countries.server";
import { refusableTransaction } from "./refusable-transaction.server";
import { refused, type Result } from "./result";

const likePattern = (search: string) => `%${search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Institutions with their country, kind and how many people and units they have, paged. */
export async function listInstitutions(db: DB, query: { search: string; country: string | null; limit: number; offset: number }) {
  let base = db.selectFrom("institutions").where("institutions.merged_into", "is", null);
  if (query.country) base = base.where("institutions.country_code", "=", query.country);
  if (query.search.trim()) {
    const pattern = likePattern(query.search);
    base = base.where((eb) => eb.or([eb(sql`lower(institutions.name)`, "like", pattern), eb(sql`lower(institutions.short_name)`, "like", pattern)]));
  }
  const [rows, total] = await Promise.all([
    base
      .select([
        "institutions.id",
        "institutions.name",
        "institutions.short_name",
        "institutions.country_code",
        "institutions.kind",
        "institutions.retired_at",
        (eb) => eb.selectFrom("people").select((p) => p.fn.countAll<number>().as("n")).whereRef("people.institution_id", "=", "institutions.id").as("people"),
        (eb) => eb.selectFrom("units").select((u) => u.fn.countAll<number>().as("n")).whereRef("units.institution_id", "=", "institutions.id").as("units"),
      ])
      .orderBy("institutions.country_code")
      .orderBy("institutions.name")
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => ({ ...r, people: Number(r.people ?? 0), units: Number(r.units ?? 0) })), total: Number(total.n) };
}

export async function findInstitution(db: DB, id: string) {
  const institution = await db
    .selectFrom("institutions")
    .select(["id", "name", "short_name", "country_code", "kind", "retired_at", "merged_into"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!institution) return null;
  const [units, others] = await Promise.all([
    db
      .selectFrom("units")
      .select(["units.id", "units.name", (eb) => eb.selectFrom("people").select((p) => p.fn.countAll<number>().as("n")).whereRef("people.unit_id", "=", "units.id").as("people")])
      .where("institution_id", "=", id)
      .orderBy("name")
      .execute(),
    // What it can be merged into: the other active institutions of its country.
    db
      .selectFrom("institutions")
      .select(["id", "name"])
      .where("country_code", "=", institution.country_code)
      .where("id", "!=", id)
      .where("retired_at", "is", null)
      .orderBy("name")
      .execute(),
  ]);
  return { ...institution, units: units.map((u) => ({ ...u, people: Number(u.people ?? 0) })), mergeTargets: others };
}

/** Active institutions, for forms that put someone or something in one. */
export async function activeInstitutions(db: DB) {
  return db.selectFrom("institutions").select(["id", "name", "short_name", "country_code"]).where("retired_at", "is", null).orderBy("country_code").orderBy("name").execute();
}

export type InstitutionRefusal = "name-taken" | "country-missing" | "missing" | "retired" | "same" | "other-country" | "unit-taken";

export interface InstitutionFields {
  name: string;
  shortName: string;
  kind: InstitutionKind | null;
}

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";

async function nameTaken(trx: Trx, country: string, name: string, except: string | null) {
  const row = await trx
    .selectFrom("institutions")
    .select("id")
    .where("country_code", "=", country)
    .where(sql`lower(name)`, "=", name.trim().toLowerCase())
    .$if(except !== null, (q) => q.where("id", "!=", except!))
    .executeTakeFirst();
  return Boolean(row);
}

export async function createInstitution(db: DB, actor: Actor, country: string, fields: InstitutionFields): Promise<Result<{ id: string }, InstitutionRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ id: string }, InstitutionRefusal>> => {
    const known = await trx.selectFrom("countries").select("code").where("code", "=", country).where("retired_at", "is", null).executeTakeFirst();
    if (!known) return refused("country-missing");
    if (await nameTaken(trx, country, fields.name, null)) return refused("name-taken");
    const { id } = await trx
      .insertInto("institutions")
      .values({ country_code: country, name: fields.name.trim(), short_name: fields.shortName.trim(), kind: fields.kind })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, { actorId: actor.id, action: "institution.created", targetType: "institution", targetId: id, details: { country, name: fields.name }, requestId: actor.requestId });
    return { ok: true, id };
  });
}

/** Renames an institution or changes its kind. */
export async function updateInstitution(db: DB, actor: Actor, id: string, fields: InstitutionFields): Promise<Result<{ id: string }, InstitutionRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ id: string }, InstitutionRefusal>> => {
    const current = await trx.selectFrom("institutions").select(["country_code", "name", "merged_into"]).where("id", "=", id).forUpdate().executeTakeFirst();
    if (!current) return refused("missing");
    if (current.merged_into) return refused("retired");
    if (await nameTaken(trx, current.country_code, fields.name, id)) return refused("name-taken");
    await trx.updateTable("institutions").set({ name: fields.name.trim(), short_name: fields.shortName.trim(), kind: fields.kind }).where("id", "=", id).execute();
    await audit(trx, { actorId: actor.id, action: "institution.updated", targetType: "institution", targetId: id, details: { from: current.name, to: fields.name }, requestId: actor.requestId });
    return { ok: true, id };
  });
}

export async function addUnit(db: DB, actor: Actor, institutionId: string, name: string): Promise<Result<{ id: string }, InstitutionRefusal>> {
  try {
    return await refusableTransaction(db, async (trx): Promise<Result<{ id: string }, InstitutionRefusal>> => {
      const institution = await trx.selectFrom("institutions").select(["id", "retired_at"]).where("id", "=", institutionId).executeTakeFirst();
      if (!institution) return refused("missing");
      if (institution.retired_at) return refused("retired");
      const { id } = await trx.insertInto("units").values({ institution_id: institutionId, name: name.trim() }).returning("id").executeTakeFirstOrThrow();
      await audit(trx, { actorId: actor.id, action: "unit.created", targetType: "institution", targetId: institutionId, details: { unit: id, name }, requestId: actor.requestId });
      return { ok: true, id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refused("unit-taken");
    throw error;
  }
}

/** Retires an institution: kept for its people and history, no longer offered for new ones. */
export async function retireInstitution(db: DB, actor: Actor, id: string): Promise<Result<{ id: string }, InstitutionRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ id: string }, InstitutionRefusal>> => {
    const updated = await trx.updateTable("institutions").set({ retired_at: sql`now()` }).where("id", "=", id).where("retired_at", "is", null).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return refused("missing");
    await audit(trx, { actorId: actor.id, action: "institution.retired", targetType: "institution", targetId: id, requestId: actor.requestId });
    return { ok: true, id };
  });
}

/**
 * Merges one institution into another of the same country, in one transaction: its people,
 * units (a unit of the same name joins the existing one) and role grants move; the merged one
 * is kept, retired, pointing at where it went, so its audit history still names it. Progress,
 * results and certificates belong to people, so they stay with them untouched.
 */
export async function mergeInstitutions(db: DB, actor: Actor, fromId: string, intoId: string): Promise<Result<{ people: number; units: number; grants: number }, InstitutionRefusal>> {
  if (fromId === intoId) return refused("same");
  return refusableTransaction(db, async (trx): Promise<Result<{ people: number; units: number; grants: number }, InstitutionRefusal>> => {
    // Both rows locked in a fixed order, so two opposite merges cannot deadlock.
    const rows = await trx.selectFrom("institutions").select(["id", "country_code", "retired_at"]).where("id", "in", [fromId, intoId]).orderBy("id").forUpdate().execute();
    const from = rows.find((r) => r.id === fromId);
    const into = rows.find((r) => r.id === intoId);
    if (!from || !into) return refused("missing");
    if (from.retired_at || into.retired_at) return refused("retired");
    if (from.country_code !== into.country_code) return refused("other-country");

    const targetUnits = await trx.selectFrom("units").select(["id", "name"]).where("institution_id", "=", intoId).execute();
    const byName = new Map(targetUnits.map((u) => [u.name.toLowerCase(), u.id]));
    const sourceUnits = await trx.selectFrom("units").select(["id", "name"]).where("institution_id", "=", fromId).execute();
    for (const unit of sourceUnits) {
      const same = byName.get(unit.name.toLowerCase());
      if (same) {
        await trx.updateTable("people").set({ unit_id: same }).where("unit_id", "=", unit.id).execute();
        await trx.deleteFrom("units").where("id", "=", unit.id).execute();
      } else {
        await trx.updateTable("units").set({ institution_id: intoId }).where("id", "=", unit.id).execute();
      }
    }
    const people = await trx.updateTable("people").set({ institution_id: intoId }).where("institution_id", "=", fromId).executeTakeFirst();
    // A grant the person already has on the target would be a duplicate: drop it, move the rest.
    await trx
      .deleteFrom("role_grants")
      .where("institution_id", "=", fromId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("role_grants as kept")
            .select(sql<number>`1`.as("one"))
            .whereRef("kept.person_id", "=", "role_grants.person_id")
            .whereRef("kept.role", "=", "role_grants.role")
            .where("kept.institution_id", "=", intoId),
        ),
      )
      .execute();
    const grants = await trx.updateTable("role_grants").set({ institution_id: intoId }).where("institution_id", "=", fromId).executeTakeFirst();
    await trx.updateTable("institutions").set({ retired_at: sql`now()`, merged_into: intoId }).where("id", "=", fromId).execute();
    const moved = { people: Number(people.numUpdatedRows), units: sourceUnits.length, grants: Number(grants.numUpdatedRows) };
    await audit(trx, { actorId: actor.id, action: "institution.merged", targetType: "institution", targetId: fromId, details: { into: intoId, ...moved }, requestId: actor.requestId });
    return { ok: true, ...moved };
  });
}
