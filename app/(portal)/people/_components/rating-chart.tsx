import { scaleLinear } from "d3-scale";
import { curveStepAfter, line } from "d3-shape";

const WIDTH = 160;
const HEIGHT = 44;
const PAD = 5;

/**
 * A small step chart of one responsibility's rating over the evaluations, drawn on the server
 * (d3-scale and d3-shape compute the path; no chart script reaches the browser). Decorative: the
 * caller shows the same values as text beside it.
 */
export function RatingChart({ values, scaleSize }: { values: number[]; scaleSize: number }) {
  const y = scaleLinear()
    .domain([1, Math.max(2, scaleSize)])
    .range([HEIGHT - PAD, PAD]);
  // A step holds each evaluation's value until the next one; the last step is drawn to the edge.
  const steps = values.length > 1 ? [...values, values[values.length - 1]] : [values[0], values[0]];
  const stepX = scaleLinear()
    .domain([0, steps.length - 1])
    .range([PAD, WIDTH - PAD]);
  const path = line<number>()
    .x((_, i) => stepX(i))
    .y((v) => y(v))
    .curve(curveStepAfter)(steps);
  const levels = Array.from({ length: Math.max(0, scaleSize) }, (_, i) => i + 1);
  return (
    <svg aria-hidden="true" focusable="false" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="shrink-0 overflow-visible">
      {levels.map((l) => (
        <line key={l} x1={PAD} x2={WIDTH - PAD} y1={y(l)} y2={y(l)} stroke="#e2e8f0" strokeWidth={1} />
      ))}
      {path ? <path d={path} fill="none" stroke="#2443b0" strokeWidth={2} /> : null}
      {values.map((v, i) => (
        <circle key={i} cx={stepX(i)} cy={y(v)} r={3} fill="#2443b0" />
      ))}
    </svg>
  );
}
