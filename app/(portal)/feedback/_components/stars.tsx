import { RATING_MAX } from "@/lib/feedback/vocabulary";

/** A rating's stars: icons for the eye (hidden from screen readers) and the number as text. */
export function Stars({ stars, label }: { stars: number; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="rating-stars">
      <span aria-hidden="true" className="tracking-tight text-amber-500">
        {"★".repeat(stars)}
        <span className="text-slate-300">{"★".repeat(Math.max(0, RATING_MAX - stars))}</span>
      </span>
      <span className="text-sm font-medium text-slate-800">{label}</span>
    </span>
  );
}
