import { EXPIRING_DAYS, type CellState } from "@/lib/capability/vocabulary";

/**
 * Validity of capability evidence (pure): when it lapses, whether it is "expiring", and what a
 * person's holding of a capability comes to across all their evidence. Dates are YYYY-MM-DD.
 */

const toUtc = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `iso` plus `days` days. */
export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * 86_400_000);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** `iso` plus `months` calendar months; a day past the new month's end is clamped (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(d, last)));
}

/**
 * The last valid day of evidence earned on `validFrom` for a capability valid `months` months
 * (null = it never lapses): valid through the day before the same date `months` later.
 */
export function validUntil(validFrom: string, months: number | null | undefined): string | null {
  if (!months || months <= 0) return null;
  return addDays(addMonths(validFrom, months), -1);
}

export type EvidenceState = "valid" | "expiring" | "expired";

/** One piece of evidence on `today`: expired after its last valid day; expiring when that day is within EXPIRING_DAYS. */
export function evidenceState(until: string | null, today: string): EvidenceState {
  if (until === null) return "valid";
  if (until < today) return "expired";
  return daysBetween(today, until) <= EXPIRING_DAYS ? "expiring" : "valid";
}

export type Holding = {
  /** held: valid evidence; expiring: the best evidence lapses within EXPIRING_DAYS; lapsed: had evidence, all expired; none: never had any. */
  state: "held" | "expiring" | "lapsed" | "none";
  /** Last valid day of the best evidence (null when it never lapses, or there is none). */
  until: string | null;
};

/** What a person's evidence for one capability comes to on `today` (the longest-lasting evidence counts; evidence dated after today does not count yet). */
export function holding(evidence: readonly { validFrom: string; validUntil: string | null }[], today: string): Holding {
  const current = evidence.filter((e) => e.validFrom <= today);
  if (current.length === 0) return { state: "none", until: null };
  if (current.some((e) => e.validUntil === null)) return { state: "held", until: null };
  const best = current.reduce((a, b) => ((b.validUntil as string) > (a.validUntil as string) ? b : a));
  const state = evidenceState(best.validUntil, today);
  return { state: state === "expired" ? "lapsed" : state === "expiring" ? "expiring" : "held", until: best.validUntil };
}

/** May do the work today: holds it, expiring or not. */
export const holds = (h: Holding) => h.state === "held" || h.state === "expiring";

/** A readiness cell: ready / expiring / gap, or "training" for a gap with open training assigned. */
export function cellState(h: Holding, inTraining: boolean): CellState {
  if (h.state === "held") return "ready";
  if (h.state === "expiring") return "expiring";
  return inTraining ? "training" : "gap";
}

export type NeededResponsibility = { key: string; title: string; capabilityKeys: readonly string[] };

/**
 * Readiness per responsibility: who can do it today (holds every capability it needs, expiring
 * included) and how many cells of each state it has. A responsibility that needs no capability can
 * be done by everyone.
 */
export function readinessByResponsibility(
  responsibilities: readonly NeededResponsibility[],
  people: readonly number[],
  cell: (personId: number, capabilityKey: string) => CellState,
): { key: string; title: string; canDo: number[]; counts: Record<CellState, number> }[] {
  return responsibilities.map((r) => {
    const counts: Record<CellState, number> = { ready: 0, expiring: 0, gap: 0, training: 0 };
    const canDo: number[] = [];
    for (const p of people) {
      let all = true;
      for (const k of r.capabilityKeys) {
        const c = cell(p, k);
        counts[c] += 1;
        if (c !== "ready" && c !== "expiring") all = false;
      }
      if (all) canDo.push(p);
    }
    return { key: r.key, title: r.title, canDo, counts };
  });
}
