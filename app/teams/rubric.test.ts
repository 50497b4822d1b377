import { describe, expect, it } from "vitest";
import { checkRubricScores, rubricMaximum } from "./rubric";

const level = (score: number) => ({ score, label: { es: `N${score}` }, description: { es: "…" } });
const RUBRIC = [
  { id: "signs", criterion: { es: "Señales" }, levels: [level(1), level(2), level(3)] },
  { id: "referral", criterion: { es: "Canalización" }, levels: [level(0), level(5)] },
];

describe("scoring by the rubric", () => {
  it("takes one of each criterion's own levels, for every criterion", () => {
    expect(checkRubricScores(RUBRIC, { signs: "3", referral: "0" })).toEqual({ signs: 3, referral: 0 });
  });
  it("refuses a missing criterion, a level another criterion has, an unknown criterion or a non-number", () => {
    expect(checkRubricScores(RUBRIC, { signs: "3" })).toBeNull();
    expect(checkRubricScores(RUBRIC, { signs: "5", referral: "5" })).toBeNull();
    expect(checkRubricScores(RUBRIC, { signs: "1", referral: "5", extra: "1" })).toBeNull();
    expect(checkRubricScores(RUBRIC, { signs: "2.0", referral: "5" })).toBeNull();
  });
  it("the highest total is the sum of each criterion's top level; no rubric scores nothing", () => {
    expect(rubricMaximum(RUBRIC)).toBe(8);
    expect(checkRubricScores([], {})).toEqual({});
    expect(rubricMaximum([])).toBe(0);
  });
});
