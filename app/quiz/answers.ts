/** What a person answered to one question, by question type. */
export type Answer =
  | { type: "single"; optionId: string }
  | { type: "multiple"; optionIds: string[] }
  | { type: "true-false"; value: boolean }
  | { type: "matching"; choices: Record<string, string> }
  | { type: "ordering"; positions: Record<string, number> }
  | { type: "short-text"; text: string };

/** Lowercase, no accents, single spaces: "  Niña  " and "nina" compare equal. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
