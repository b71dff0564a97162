import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { PULSE_SCALE_MAX, PULSE_SCALE_MIN } from "@/lib/confidence/vocabulary";

const WIDTH = 72;
const HEIGHT = 24;
const PAD = 3;

/**
 * A small trend line of one pulse item over the months, drawn on the server (d3 computes the path;
 * no chart script reaches the browser). Months without shown results are gaps. Decorative: the
 * caller gives the same values as text.
 */
export function Sparkline({ values }: { values: (number | null)[] }) {
  if (values.filter((v) => v != null).length === 0) return null;
  const x = scaleLinear()
    .domain([0, Math.max(1, values.length - 1)])
    .range([PAD, WIDTH - PAD]);
  const y = scaleLinear().domain([PULSE_SCALE_MIN, PULSE_SCALE_MAX]).range([HEIGHT - PAD, PAD]);
  const path = line<number | null>()
    .defined((v) => v != null)
    .x((_, i) => x(i))
    .y((v) => y(v ?? PULSE_SCALE_MIN))(values);
  return (
    <svg aria-hidden="true" focusable="false" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="inline-block shrink-0 overflow-visible align-middle">
      <line x1={PAD} x2={WIDTH - PAD} y1={y(3)} y2={y(3)} stroke="#e2e8f0" strokeWidth={1} />
      {path ? <path d={path} fill="none" stroke="#2443b0" strokeWidth={1.5} /> : null}
      {values.map((v, i) => (v == null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={2} fill="#2443b0" />))}
    </svg>
  );
}
