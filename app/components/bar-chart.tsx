import { useId } from "react";
import type { BarChart } from "../reports/chart";

/**
 * A bar chart drawn on the server as SVG (readable without JavaScript). It is an image with a
 * title and a description; the same figures are always given in a table beside it.
 */
export function HorizontalBarChart({ chart, title, summary }: { chart: BarChart; title: string; summary: string }) {
  const id = useId();
  const labelWidth = 330;
  const valueWidth = 60;
  const width = labelWidth + chart.width + valueWidth;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${Math.max(chart.height, 1)}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {chart.bars.map((bar) => (
          <g key={`${bar.label}-${bar.y}`}>
            <text x={labelWidth - 8} y={bar.y + bar.height / 2} dominantBaseline="middle" textAnchor="end" className="chart-label">
              {bar.label.length > 40 ? `${bar.label.slice(0, 39)}…` : bar.label}
            </text>
            <rect x={labelWidth + bar.x} y={bar.y} width={bar.width} height={bar.height} className="chart-bar" />
            <text x={labelWidth + bar.x + bar.width + 6} y={bar.y + bar.height / 2} dominantBaseline="middle" className="chart-value">
              {bar.value}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}

/** Columns over time (weeks), with a short date under each and the count above. */
export function ColumnChart({ chart, title, summary, labelOf }: { chart: BarChart; title: string; summary: string; labelOf: (label: string) => string }) {
  const id = useId();
  const top = 18;
  const bottom = 22;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${Math.max(chart.width, 1)} ${chart.height + top + bottom}`}
        width={Math.max(chart.width, 1)}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg chart-columns"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={0} x2={chart.width} y1={chart.height + top} y2={chart.height + top} className="chart-axis" />
        {chart.bars.map((bar) => (
          <g key={bar.label}>
            <rect x={bar.x} y={bar.y + top} width={bar.width} height={bar.height} className="chart-bar" />
            {bar.value > 0 ? (
              <text x={bar.x + bar.width / 2} y={bar.y + top - 4} textAnchor="middle" className="chart-value">
                {bar.value}
              </text>
            ) : null}
            <text x={bar.x + bar.width / 2} y={chart.height + top + 16} textAnchor="middle" className="chart-tick">
              {labelOf(bar.label)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
