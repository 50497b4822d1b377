import { sql } from "kysely";
import type { DB } from "../../db/client";
import { peopleInScope, type Grant } from "./access.server";

export interface PeopleQuery {
  search?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * People these grants may see, with institution and cohorts, one page at a time.
 * Scope is part of the WHERE clause (see peopleInScope).
 */
export async function listPeopleInScope(db: DB, grants: Grant[], query: PeopleQuery) {
  let base = db.selectFrom("people").where(peopleInScope(grants));
  if (query.search?.trim()) {
    const pattern = `%${query.search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) => eb.or([eb(sql`lower(people.display_name)`, "like", pattern), eb("people.email", "like", pattern)]));
  }
  const [rows, total] = await Promise.all([
    base
      .leftJoin("institutions", "institutions.id", "people.institution_id")
      .select([
        "people.id",
        "people.display_name",
        "people.email",
        "people.country_code",
        "people.disabled_at",
        "people.erased_at",
        "institutions.short_name as institution",
        (eb) =>
          eb
            .selectFrom("cohort_members")
            .innerJoin("cohorts", "cohorts.id", "cohort_members.cohort_id")
            .select(sql<string>`string_agg(cohorts.name, ', ' order by cohorts.name)`.as("names"))
            .whereRef("cohort_members.person_id", "=", "people.id")
            .as("cohorts"),
        (eb) =>
          eb
            .selectFrom("role_grants")
            .select(sql<string>`string_agg(distinct role_grants.role, ',')`.as("roles"))
            .whereRef("role_grants.person_id", "=", "people.id")
            .as("roles"),
      ])
      .orderBy("people.display_name")
      .orderBy("people.id")
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findPersonInScope(db: DB, grants: Grant[], personId: string) {
  return db
    .selectFrom("people")
    .select(["people.id", "people.display_name", "people.email", "people.erased_at"])
    .where("people.id", "=", personId)
    .where(peopleInScope(grants))
    .executeTakeFirst();
}
