/**
 * The name an erased person is shown by (docs/decisions/019-erasure.md): the same in every
 * language, derived from the row's id so that a coordinator's lists stay readable and two
 * erased people are told apart, and saying nothing about who the person was.
 */
export function pseudonymOf(personId: string): string {
  return `P-${personId.replace(/-/g, "").slice(0, 8).toUpperCase()}`;
}

/** The address an erased person's row keeps: unique, never deliverable (.invalid is reserved). */
export function erasedAddressOf(personId: string): string {
  return `erased-${personId}@erased.invalid`;
}
