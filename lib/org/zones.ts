/**
 * IANA time zones: the bounded list people choose from, grouped by region. Pure (no database), so
 * forms and tests can use it.
 */

let cached: ReadonlySet<string> | null = null;

/** Every zone this runtime knows (`Intl.supportedValuesOf`), plus "UTC". */
export function timeZones(): ReadonlySet<string> {
  cached ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  return cached;
}

export function isTimeZone(value: string): boolean {
  return timeZones().has(value);
}

export type ZoneGroup = { region: string; zones: string[] };

/** The zones grouped by region ("Europe", "America", …), for a select with option groups. */
export function timeZoneGroups(): ZoneGroup[] {
  const groups = new Map<string, string[]>();
  for (const zone of [...timeZones()].sort()) {
    const slash = zone.indexOf("/");
    const region = slash > 0 ? zone.slice(0, slash) : "Other";
    const list = groups.get(region) ?? [];
    list.push(zone);
    groups.set(region, list);
  }
  return [...groups].map(([region, zones]) => ({ region, zones })).sort((a, b) => a.region.localeCompare(b.region));
}

/** A zone's name for people: "America/New_York" → "America/New York". */
export function zoneLabel(zone: string): string {
  return zone.replaceAll("_", " ");
}
