import type { Catalog } from "../content/model";
import { LOCALES } from "../i18n/locales";
import type { CohortFields } from "../models/cohort-admin.server";
import { z } from "../utils/zod.server";

// The cohort form of the create and edit pages: fixed fields checked by zod, and one checkbox
// `course:<id>` with a date `due:<id>` per course of the catalogue (plain fields, so the form
// works without JavaScript).

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === "" || (DATE.test(v) && !Number.isNaN(Date.parse(v))), "cohortAdmin.form.badDate")
  .transform((v) => v || null);

export const cohortSchema = () =>
  z
    .object({
      name: z.string({ error: "form.required" }).trim().min(1, "form.required").max(120, "cohortAdmin.form.tooLong"),
      startsOn: optionalDate,
      endsOn: optionalDate,
      capacity: z
        .string()
        .trim()
        .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 100000), "cohortAdmin.form.badCapacity")
        .transform((v) => (v ? Number(v) : null)),
      locale: z.enum(["", ...LOCALES]).transform((v) => v || null),
      countryCode: z
        .string()
        .regex(/^([A-Z]{2})?$/)
        .transform((v) => v || null),
      lowData: z.enum(["on"]).optional(),
    })
    .catchall(z.string())
    .refine((f) => !f.startsOn || !f.endsOn || f.startsOn <= f.endsOn, { path: ["endsOn"], message: "cohortAdmin.form.endBeforeStart" });

type Parsed = z.infer<ReturnType<typeof cohortSchema>>;

/** The model's fields from a valid form; an error key per bad due date otherwise. */
export function cohortFields(catalog: Catalog, data: Parsed): { ok: true; fields: CohortFields } | { ok: false; errors: Record<string, string> } {
  const courses: CohortFields["courses"] = [];
  const errors: Record<string, string> = {};
  for (const courseId of catalog.courses.keys()) {
    if (data[`course:${courseId}`] !== "on") continue;
    const due = String(data[`due:${courseId}`] ?? "").trim();
    if (due && !(DATE.test(due) && !Number.isNaN(Date.parse(due)))) errors[`due:${courseId}`] = "cohortAdmin.form.badDate";
    courses.push({ courseId, dueOn: due || null });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      name: data.name,
      startsOn: data.startsOn,
      endsOn: data.endsOn,
      capacity: data.capacity,
      locale: data.locale,
      lowData: data.lowData === "on",
      countryCode: data.countryCode,
      courses,
    },
  };
}
