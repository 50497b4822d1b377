import type { InstitutionKind } from "../../db/types";

/** The kinds of institution a programme works with, in the order the forms list them. */
export const INSTITUTION_KINDS = [
  "migration",
  "police",
  "consulate",
  "protection",
  "child-protection",
  "health",
  "civil-society",
] as const satisfies readonly InstitutionKind[];

export function isInstitutionKind(value: unknown): value is InstitutionKind {
  return typeof value === "string" && (INSTITUTION_KINDS as readonly string[]).includes(value);
}
