/**
 * Geometry of the server-rendered bar charts (pure, so it is tested without a browser). Every
 * chart is also given as a table and a sentence; the drawing only adds the shape.
 */
export interface Bar {
  label: string;
  value: number;
  /** Where the bar starts and how wide it is, in the chart's own units. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarChart {
  width: number;
  height: number;
  max: number;
  bars: Bar[];
}

/** Horizontal bars, one row each, scaled to the largest value (a chart of zeros stays flat). */
export function horizontalBars(data: readonly { label: string; value: number }[], options: { width?: number; rowHeight?: number; gap?: number } = {}): BarChart {
  const width = options.width ?? 600;
  const rowHeight = options.rowHeight ?? 24;
  const gap = options.gap ?? 8;
  const max = Math.max(0, ...data.map((d) => d.value));
  return {
    width,
    height: data.length * (rowHeight + gap),
    max,
    bars: data.map((d, i) => ({
      label: d.label,
      value: d.value,
      x: 0,
      y: i * (rowHeight + gap),
      width: max > 0 ? Math.max(d.value > 0 ? 2 : 0, Math.round((d.value / max) * width)) : 0,
      height: rowHeight,
    })),
  };
}

/** Vertical columns (for time series), scaled to the largest value. */
export function columns(data: readonly { label: string; value: number }[], options: { height?: number; columnWidth?: number; gap?: number } = {}): BarChart {
  const height = options.height ?? 160;
  const columnWidth = options.columnWidth ?? 28;
  const gap = options.gap ?? 6;
  const max = Math.max(0, ...data.map((d) => d.value));
  return {
    width: data.length * (columnWidth + gap),
    height,
    max,
    bars: data.map((d, i) => {
      const h = max > 0 ? Math.max(d.value > 0 ? 2 : 0, Math.round((d.value / max) * height)) : 0;
      return { label: d.label, value: d.value, x: i * (columnWidth + gap), y: height - h, width: columnWidth, height: h };
    }),
  };
}

const DAY = 86_400_000;

/** The Monday (UTC) of the week a day falls in, as YYYY-MM-DD. */
export function weekStart(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const offset = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - offset * DAY).toISOString().slice(0, 10);
}

/** Every week from `from` to `to`, with the counts found and zero for weeks without any. */
export function weeklySeries(found: readonly { week: string; completed: number }[], from: string, to: string): { week: string; completed: number }[] {
  const counts = new Map(found.map((f) => [f.week, f.completed]));
  const series: { week: string; completed: number }[] = [];
  const last = weekStart(to);
  for (let week = weekStart(from); week <= last; week = new Date(new Date(`${week}T00:00:00Z`).getTime() + 7 * DAY).toISOString().slice(0, 10)) {
    series.push({ week, completed: counts.get(week) ?? 0 });
  }
  return series;
}
