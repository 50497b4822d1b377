import { sql } from "kysely";
import type { DB } from "../../db/client";
import { isKnownCountryCode } from "../organisation/country-codes";
import { regionName } from "../utils/intl";
import { audit } from "./audit.server";
import { refusableTransaction } from "./refusable-transaction.server";
import { refused, type Result } from "./result";

export interface Actor {
  id: string;
  requestId?: string | undefined;
}

/**
 * Countries with their names in the reader's language, filtered by code or name and paged. Names
 * live in Intl, not in the database, and there are at most a few hundred countries, so the
 * search runs here rather than in SQL (it narrows a list everyone on the page may see: no scope).
 */
export async function listCountries(db: DB, locale: string, query: { search: string; limit: number; offset: number }) {
  const rows = await db
    .selectFrom("countries")
    .select([
      "countries.code",
      "countries.retired_at",
      (eb) => eb.selectFrom("institutions").select((i) => i.fn.countAll<number>().as("n")).whereRef("institutions.country_code", "=", "countries.code").as("institutions"),
      (eb) => eb.selectFrom("people").select((p) => p.fn.countAll<number>().as("n")).whereRef("people.country_code", "=", "countries.code").as("people"),
    ])
    .execute();
  const needle = query.search.trim().toLocaleLowerCase(locale);
  const named = rows
    .map((r) => ({ ...r, name: regionName(locale, r.code), institutions: Number(r.institutions ?? 0), people: Number(r.people ?? 0) }))
    .filter((r) => !needle || r.code.toLowerCase() === needle || r.name.toLocaleLowerCase(locale).includes(needle))
    .sort((a, b) => Number(Boolean(a.retired_at)) - Number(Boolean(b.retired_at)) || a.name.localeCompare(b.name, locale));
  return { rows: named.slice(query.offset, query.offset + query.limit), total: named.length };
}

/** Countries people and cohorts can be put in (not retired), by code. */
export async function activeCountryCodes(db: DB): Promise<string[]> {
  const rows = await db.selectFrom("countries").select("code").where("retired_at", "is", null).orderBy("code").execute();
  return rows.map((r) => r.code);
}

export type CountryRefusal = "unknown-code" | "exists" | "missing";

/** Adds a country by its ISO code; a retired one is brought back. */
export async function addCountry(db: DB, actor: Actor, code: string): Promise<Result<{ code: string }, CountryRefusal>> {
  const upper = code.trim().toUpperCase();
  if (!isKnownCountryCode(upper)) return refused("unknown-code");
  return refusableTransaction(db, async (trx): Promise<Result<{ code: string }, CountryRefusal>> => {
    const existing = await trx.selectFrom("countries").select(["code", "retired_at"]).where("code", "=", upper).forUpdate().executeTakeFirst();
    if (existing && !existing.retired_at) return refused("exists");
    if (existing) await trx.updateTable("countries").set({ retired_at: null }).where("code", "=", upper).execute();
    else await trx.insertInto("countries").values({ code: upper }).execute();
    await audit(trx, { actorId: actor.id, action: existing ? "country.restored" : "country.added", targetType: "country", targetId: upper, requestId: actor.requestId });
    return { ok: true, code: upper };
  });
}

/** Retires a country: kept for its people and history, no longer offered for new ones. */
export async function retireCountry(db: DB, actor: Actor, code: string): Promise<Result<{ code: string }, CountryRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ code: string }, CountryRefusal>> => {
    const updated = await trx.updateTable("countries").set({ retired_at: sql`now()` }).where("code", "=", code).where("retired_at", "is", null).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return refused("missing");
    await audit(trx, { actorId: actor.id, action: "country.retired", targetType: "country", targetId: code, requestId: actor.requestId });
    return { ok: true, code };
  });
}
