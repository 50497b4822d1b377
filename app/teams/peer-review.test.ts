import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignReviews } from "./peer-review";

// Random orders from fast-check's own seeds, so a failure prints the case that broke.
const randomFrom = (seed: number) => {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
};

describe("peer-review assignment", () => {
  it("never gives a team its own work, never the same pair twice, and balances what each team gives and gets (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 0, maxLength: 40 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (teams, perTeam, seed) => {
        const assignments = assignReviews(teams, perTeam, randomFrom(seed));
        const expected = Math.min(perTeam, Math.max(0, teams.length - 1));
        expect(assignments.every((a) => a.reviewer !== a.reviewed)).toBe(true);
        expect(new Set(assignments.map((a) => `${a.reviewer}>${a.reviewed}`)).size).toBe(assignments.length);
        for (const team of teams) {
          expect(assignments.filter((a) => a.reviewer === team)).toHaveLength(expected);
          expect(assignments.filter((a) => a.reviewed === team)).toHaveLength(expected);
        }
        expect(assignments.every((a) => teams.includes(a.reviewer) && teams.includes(a.reviewed))).toBe(true);
      }),
    );
  });

  it("with two teams, each reviews the other; with one, nobody reviews", () => {
    const two = assignReviews(["a", "b"], 2, () => 0.5);
    expect(two.map((a) => `${a.reviewer}>${a.reviewed}`).sort()).toEqual(["a>b", "b>a"]);
    expect(assignReviews(["a"], 2, () => 0.5)).toEqual([]);
  });

  it("draws a different order from a different seed", () => {
    const teams = Array.from({ length: 10 }, (_, i) => `team-${i}`);
    const first = assignReviews(teams, 1, randomFrom(1)).map((a) => a.reviewed);
    const second = assignReviews(teams, 1, randomFrom(2)).map((a) => a.reviewed);
    expect(first).not.toEqual(second);
  });
});
