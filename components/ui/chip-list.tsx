"use client";

/**
 * What a search-as-you-type picker has picked: one chip per item, each sent in a hidden input named
 * `name` and removable with its own labelled button (the course's capabilities, an announcement's
 * people and teams).
 */
export function ChipList<T>({
  items,
  keyOf,
  labelOf,
  name,
  onRemove,
  listLabel,
  removeLabel,
  className = "",
}: {
  items: T[];
  keyOf: (item: T) => string | number;
  labelOf: (item: T) => string;
  name: string;
  onRemove: (item: T) => void;
  /** Names the list for screen readers ("People picked"). */
  listLabel: string;
  /** The remove button's label ("Remove Elif Yılmaz"). */
  removeLabel: (item: T) => string;
  className?: string;
}) {
  if (!items.length) return null;
  return (
    <ul className={`flex flex-wrap gap-2 ${className}`} aria-label={listLabel}>
      {items.map((item) => (
        <li key={keyOf(item)} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pl-3 pr-1 text-sm text-brand-900">
          <input type="hidden" name={name} value={keyOf(item)} />
          {labelOf(item)}
          <button
            type="button"
            onClick={() => onRemove(item)}
            className="rounded-full px-2 text-brand-800 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600"
            aria-label={removeLabel(item)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
