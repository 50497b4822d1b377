/**
 * A horizontal bar chart as plain SVG, rendered on the server (readable without JavaScript).
 * Every chart sits next to a text summary and a data table with the same numbers, so the
 * picture itself is hidden from screen readers rather than described twice.
 */
export function BarChart({ bars }: { bars: { label: string; value: number; tone?: "good" | "neutral" | "poor" }[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 40;
  const short = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);
  return (
    <svg className="bar-chart" viewBox={`0 0 480 ${bars.length * row}`} width="100%" aria-hidden="true" focusable="false">
      {bars.map((b, i) => {
        const width = (b.value / max) * 420;
        return (
          <g key={i} transform={`translate(0,${i * row})`}>
            <text x="0" y="13" className="bar-label">
              {short(b.label)}
            </text>
            <rect x="0" y="18" height="14" width={Math.max(b.value > 0 ? 2 : 0, width)} className={`bar bar-${b.tone ?? "neutral"}`} />
            <text x={width + 6} y="30" className="bar-value">
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
