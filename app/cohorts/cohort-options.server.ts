import type { DB } from "../../db/client";
import { pick, type Catalog } from "../content/model";
import type { Locale } from "../i18n/locales";
import { mayCreateCohortIn, type Grant } from "../models/access.server";
import { activeCountryCodes } from "../models/countries.server";
import { regionName } from "../utils/intl";

/** What the cohort form offers this manager: the catalogue's courses and the countries they may run cohorts in. */
export async function cohortFormOptions(db: DB, catalog: Catalog, grants: Grant[], locale: Locale) {
  const codes = await activeCountryCodes(db);
  return {
    courses: [...catalog.courses.values()].map((c) => ({ id: c.id, title: pick(c.title, locale) })),
    countries: codes
      .filter((code) => mayCreateCohortIn(grants, code))
      .map((code) => ({ code, name: regionName(locale, code) }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    /** A cohort of no one country (a regional run) is for global managers only. */
    regional: mayCreateCohortIn(grants, null),
  };
}
