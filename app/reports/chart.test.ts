import { describe, expect, it } from "vitest";
import { columns, horizontalBars, weeklySeries, weekStart } from "./chart";

describe("bar geometry", () => {
  it("scales bars to the largest value and keeps a small non-zero value visible", () => {
    const chart = horizontalBars([{ label: "MX", value: 10 }, { label: "GT", value: 5 }, { label: "HN", value: 0 }, { label: "SV", value: 0.01 }], { width: 200, rowHeight: 20, gap: 5 });
    expect(chart.max).toBe(10);
    expect(chart.bars.map((b) => b.width)).toEqual([200, 100, 0, 2]);
    expect(chart.bars.map((b) => b.y)).toEqual([0, 25, 50, 75]);
    expect(chart.height).toBe(100);
  });

  it("draws a chart of zeros flat instead of dividing by zero", () => {
    expect(horizontalBars([{ label: "a", value: 0 }]).bars[0]!.width).toBe(0);
    expect(columns([{ label: "a", value: 0 }]).bars[0]!.height).toBe(0);
  });

  it("stands columns on the baseline", () => {
    const chart = columns([{ label: "w1", value: 4 }, { label: "w2", value: 2 }], { height: 100, columnWidth: 10, gap: 2 });
    expect(chart.bars.map((b) => [b.x, b.y, b.height])).toEqual([[0, 0, 100], [12, 50, 50]]);
  });
});

describe("weekly series", () => {
  it("starts weeks on Monday", () => {
    expect(weekStart("2026-11-23")).toBe("2026-11-23"); // a Monday
    expect(weekStart("2026-11-29")).toBe("2026-11-23"); // Sunday
    expect(weekStart("2026-12-01")).toBe("2026-11-30");
  });

  it("gives every week of the period, zero where nothing was completed", () => {
    expect(weeklySeries([{ week: "2026-11-09", completed: 3 }], "2026-11-04", "2026-11-24")).toEqual([
      { week: "2026-11-02", completed: 0 },
      { week: "2026-11-09", completed: 3 },
      { week: "2026-11-16", completed: 0 },
      { week: "2026-11-23", completed: 0 },
    ]);
  });
});
