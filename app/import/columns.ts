/**
 * The columns of a bulk-enrolment file, in template order. Headers are matched in either
 * language (the templates are in es and en), case- and accent-insensitively.
 */
export const COLUMNS = ["email", "name", "language", "country", "institution", "unit"] as const;
export type Column = (typeof COLUMNS)[number];

export const REQUIRED: readonly Column[] = ["email", "name"];

export const HEADERS: Record<"es" | "en", Record<Column, string>> = {
  es: { email: "correo", name: "nombre", language: "idioma", country: "país", institution: "institución", unit: "unidad" },
  en: { email: "email", name: "name", language: "language", country: "country", institution: "institution", unit: "unit" },
};

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();

const BY_HEADER = new Map<string, Column>(
  Object.values(HEADERS).flatMap((names) => Object.entries(names).map(([column, header]) => [fold(header), column as Column] as const)),
);

export function columnOf(header: string): Column | undefined {
  return BY_HEADER.get(fold(header));
}
