import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { RATING_MAX, RATING_MIN } from "@/lib/feedback/vocabulary";

const PAD = { top: 8, right: 8, bottom: 8, left: 24 };

/**
 * The weekly average rating as a line, drawn on the server (d3-scale and d3-shape compute the
 * path; no chart script reaches the browser). Weeks without ratings are gaps. Decorative: the page
 * gives the same values as a table beside it (the text alternative).
 */
export function TrendChart({ values, width = 320, height = 120 }: { values: (number | null)[]; width?: number; height?: number }) {
  if (values.every((v) => v == null)) return null;
  const compact = width < 150;
  const left = compact ? 3 : PAD.left;
  const x = scaleLinear()
    .domain([0, Math.max(1, values.length - 1)])
    .range([left, width - PAD.right]);
  const y = scaleLinear().domain([RATING_MIN, RATING_MAX]).range(compact ? [height - 3, 3] : [height - PAD.bottom, PAD.top]);
  const path = line<number | null>()
    .defined((v) => v != null)
    .x((_, i) => x(i))
    .y((v) => y(v ?? RATING_MIN))(values);
  const levels = [1, 2, 3, 4, 5];
  return (
    <svg aria-hidden="true" focusable="false" viewBox={`0 0 ${width} ${height}`} className={compact ? "h-7 w-24 overflow-visible" : "h-auto w-full max-w-md overflow-visible"} data-testid="trend-chart">
      {levels.map((l) => (
        <g key={l}>
          <line x1={left} x2={width - PAD.right} y1={y(l)} y2={y(l)} stroke="#e2e8f0" strokeWidth={1} />
          {compact ? null : (
          <text x={PAD.left - 6} y={y(l) + 4} textAnchor="end" fontSize={10} fill="#475569">
            {l}
          </text>
          )}
        </g>
      ))}
      {path ? <path d={path} fill="none" stroke="#2443b0" strokeWidth={2} /> : null}
      {values.map((v, i) => (v == null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3} fill="#2443b0" />))}
    </svg>
  );
}

/** A small trend line for a table row (decorative; the row gives the numbers). */
export function MiniTrend({ values }: { values: (number | null)[] }) {
  return (
    <span className="inline-block w-24 align-middle">
      <TrendChart values={values} width={96} height={28} />
    </span>
  );
}
