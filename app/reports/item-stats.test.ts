import { describe, expect, it } from "vitest";
import { questionStatistics } from "./item-stats";

describe("question statistics", () => {
  it("computes discrimination as upper minus lower group", () => {
    expect(questionStatistics({ answers: 40, facility: 0.6, upper: 0.9, lower: 0.3 })).toEqual({ answers: 40, facility: 0.6, upper: 0.9, lower: 0.3, discrimination: 0.6, flags: [] });
  });

  it("flags a question almost everyone gets right as too easy, and almost no one as too hard", () => {
    expect(questionStatistics({ answers: 20, facility: 0.95, upper: 1, lower: 0.9 }).flags).toEqual(["too-easy"]);
    expect(questionStatistics({ answers: 20, facility: 0.2, upper: 0.3, lower: 0.1 }).flags).toEqual(["too-hard"]);
  });

  it("flags negative discrimination as possibly mis-keyed", () => {
    const stats = questionStatistics({ answers: 30, facility: 0.5, upper: 0.2, lower: 0.8 });
    expect(stats.discrimination).toBe(-0.6);
    expect(stats.flags).toEqual(["mis-keyed"]);
  });

  it("does not judge a question on too few answers", () => {
    expect(questionStatistics({ answers: 3, facility: 1, upper: 1, lower: 1 }).flags).toEqual(["few-answers"]);
  });

  it("leaves discrimination unknown when a group is empty", () => {
    expect(questionStatistics({ answers: 10, facility: 0.5, upper: null, lower: 0.5 }).discrimination).toBeNull();
  });
});
