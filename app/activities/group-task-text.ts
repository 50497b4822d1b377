/** The text a team starts from: the template's headings, for it to fill in. (Shared by server and page.) */
export function templateText(headings: string[]): string {
  return headings.map((h) => `## ${h}\n\n`).join("");
}
