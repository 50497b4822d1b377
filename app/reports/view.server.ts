import type { Catalog } from "../content/model";
import { pick } from "../content/model";
import type { Locale } from "../i18n/locales";
import type { FilterOptions } from "../models/reports/scope.server";
import type { LearnerListQuery } from "./filters";
import { filterParams } from "./filters";

/** Filter options as the form shows them (course titles in the reader's language). */
export function optionsView(options: FilterOptions, catalog: Catalog, locale: Locale) {
  return {
    cohorts: options.cohorts,
    courses: options.courses.map((id) => ({ id, title: pick(catalog.courses.get(id)?.title ?? {}, locale) || id })),
    countries: options.countries,
    institutions: options.institutions.map((i) => ({ id: i.id, name: i.name })),
  };
}

/** The filters (without sorting or paging) as a query string, for links that keep them. */
export function filterSearch(query: LearnerListQuery, keep: (keyof LearnerListQuery)[] = []): string {
  const { cohort, course, country, institution, from, to } = query;
  const extra = Object.fromEntries(keep.map((k) => [k, query[k]]));
  const params = filterParams({ cohort, course, country, institution, from, to, ...extra });
  const text = params.toString();
  return text ? `?${text}` : "";
}
