/** The text a team starts from: the template's headings, for it to fill in. (Shared by server and page.) */
export function templateText(headings: string[]): string {
  return headings.map((h) => `## ${h}\n\n`).join("");
}

/** One field of a refused form sent back to the page (a repeated field comes back as a list). */
export function typedValue(v: string | string[] | undefined): string | null {
  return typeof v === "string" ? v : null;
}
