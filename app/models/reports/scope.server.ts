import { sql } from "kysely";
import type { DB } from "../../../db/client";
import type { Catalog } from "../../content/model";
import type { ReportFilters } from "../../reports/filters";
import { cohortsInScope, peopleInScope, type Grant } from "../access.server";

/** What a coordinator may filter by: only values within their scope (read in SQL). */
export interface FilterOptions {
  cohorts: { id: string; name: string }[];
  courses: string[];
  countries: string[];
  institutions: { id: string; name: string; country_code: string }[];
}

export async function filterOptions(db: DB, catalog: Catalog, grants: Grant[]): Promise<FilterOptions> {
  const [cohorts, countries, institutions] = await Promise.all([
    db
      .selectFrom("cohorts")
      .select(["cohorts.id", "cohorts.name"])
      .where((eb) =>
        eb.or([
          cohortsInScope(grants)(eb),
          eb(
            "cohorts.id",
            "in",
            eb
              .selectFrom("cohort_members")
              .innerJoin("people", "people.id", "cohort_members.person_id")
              .select("cohort_members.cohort_id")
              .where("cohort_members.role", "=", "officer")
              .where((inner) => peopleInScope(grants)(inner as never)),
          ),
        ]),
      )
      .orderBy("cohorts.name")
      .execute(),
    // From the few countries and institutions, each asking whether someone in scope belongs to
    // it (an index probe), rather than reading every person on each report request.
    db
      .selectFrom("countries")
      .select("countries.code")
      .where((eb) => eb.exists(eb.selectFrom("people").select(sql<number>`1`.as("one")).whereRef("people.country_code", "=", "countries.code").where((inner) => peopleInScope(grants)(inner as never))))
      .orderBy("countries.code")
      .execute(),
    db
      .selectFrom("institutions")
      .select(["institutions.id", "institutions.name", "institutions.country_code"])
      .where((eb) => eb.exists(eb.selectFrom("people").select(sql<number>`1`.as("one")).whereRef("people.institution_id", "=", "institutions.id").where((inner) => peopleInScope(grants)(inner as never))))
      .orderBy("institutions.country_code")
      .orderBy("institutions.name")
      .execute(),
  ]);
  return {
    cohorts,
    courses: [...catalog.courses.values()].filter((c) => c.publishedLocales.length > 0).map((c) => c.id),
    countries: countries.map((c) => c.code),
    institutions,
  };
}

/**
 * Whether every filter names something within the scope. A tampered URL (another country's
 * code, a cohort id from elsewhere) is refused rather than answered with an empty report.
 */
export function filtersWithin(filters: Pick<ReportFilters, "cohort" | "course" | "country" | "institution">, options: FilterOptions): boolean {
  if (filters.cohort && !options.cohorts.some((c) => c.id === filters.cohort)) return false;
  if (filters.course && !options.courses.includes(filters.course)) return false;
  if (filters.country && !options.countries.includes(filters.country)) return false;
  if (filters.institution && !options.institutions.some((i) => i.id === filters.institution)) return false;
  return true;
}
