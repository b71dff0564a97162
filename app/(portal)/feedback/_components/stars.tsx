import { RATING_MAX } from "@/lib/feedback/vocabulary";

/** A rating's stars: icons for the eye (hidden from screen readers) and the number as text. */
export function Stars({ stars, label }: { stars: number; label: string }) {
  return (
    <span className="rb-stars" data-testid="rating-stars">
      <span aria-hidden="true">
        {"★".repeat(stars)}
        <span>{"★".repeat(Math.max(0, RATING_MAX - stars))}</span>
      </span>
      <span>{label}</span>
    </span>
  );
}
