import type { QuizFile } from "../content/quiz-schema";
import type { Answer } from "./answers";

/** The answer in a submitted form, for the question's type, or null when incomplete or odd. */
export function readAnswer(question: QuizFile["questions"][number], form: FormData): Answer | null {
  switch (question.type) {
    case "single": {
      const id = form.get("option");
      return typeof id === "string" && question.options.some((o) => o.id === id) ? { type: "single", optionId: id } : null;
    }
    case "multiple": {
      const ids = form.getAll("option").map(String);
      return ids.length > 0 && ids.every((id) => question.options.some((o) => o.id === id)) ? { type: "multiple", optionIds: [...new Set(ids)] } : null;
    }
    case "true-false": {
      const value = form.get("value");
      return value === "true" || value === "false" ? { type: "true-false", value: value === "true" } : null;
    }
    case "matching": {
      const choices: Record<string, string> = {};
      for (const row of question.rows) {
        const choice = form.get(`match.${row.id}`);
        if (typeof choice !== "string" || !question.choices.some((c) => c.id === choice)) return null;
        choices[row.id] = choice;
      }
      return { type: "matching", choices };
    }
    case "ordering": {
      const positions: Record<string, number> = {};
      for (const entry of question.items) positions[entry.id] = Number(form.get(`position.${entry.id}`));
      const used = Object.values(positions);
      const n = question.items.length;
      // Each position once: a complete order, not a guess per item.
      return used.every((p) => Number.isInteger(p) && p >= 1 && p <= n) && new Set(used).size === n ? { type: "ordering", positions } : null;
    }
    case "short-text": {
      const value = String(form.get("text") ?? "").trim();
      return value && value.length <= 200 ? { type: "short-text", text: value } : null;
    }
  }
}
