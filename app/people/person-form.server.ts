import type { DB } from "../../db/client";
import { LOCALES } from "../i18n/locales";
import { activeCountryCodes } from "../models/countries.server";
import { activeInstitutions } from "../models/institutions.server";
import type { PersonFields } from "../models/person-admin.server";
import { isUuid } from "../utils/ids";
import { regionName } from "../utils/intl";
import { z } from "../utils/zod.server";

export const personSchema = () =>
  z.object({
    displayName: z.string({ error: "form.required" }).trim().min(1, "form.required").max(120, "form.tooLong"),
    email: z.string({ error: "form.required" }).trim().min(1, "form.required").max(254, "form.tooLong").email("personAdmin.badEmail"),
    locale: z.enum(LOCALES),
    countryCode: z.string().regex(/^([A-Z]{2})?$/).transform((v) => v || null),
    institutionId: z
      .string()
      .refine((v) => v === "" || isUuid(v))
      .transform((v) => v || null),
  });

export const toPersonFields = (data: z.infer<ReturnType<typeof personSchema>>): PersonFields => data;

/** The countries and institutions the person form offers, named in the reader's language. */
export async function placeOptions(db: DB, locale: string) {
  const [codes, institutions] = await Promise.all([activeCountryCodes(db), activeInstitutions(db)]);
  return {
    countries: codes.map((code) => ({ code, name: regionName(locale, code) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
    institutions: institutions.map((i) => ({ id: i.id, name: i.name, country_code: i.country_code })),
  };
}

/** The refusal's field, for the error next to it. */
export const PERSON_REFUSAL_FIELD = {
  missing: "form",
  erased: "form",
  "email-taken": "email",
  "country-missing": "countryCode",
  "institution-missing": "institutionId",
  "cohort-missing": "cohorts",
  closed: "cohorts",
  full: "cohorts",
  "not-member": "cohorts",
  "same-cohort": "cohorts",
} as const;
