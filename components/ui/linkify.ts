/** A piece of plain text: either text as written, or a web or mail address to show as a link. */
export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// http(s) URLs and mailto: addresses, plus bare www. hosts and e-mail addresses. Nothing else
// (javascript:, data:, file:…) is ever a link.
const LINK = /\b(?:https?:\/\/[^\s<>"]+|mailto:[^\s<>"@]+@[^\s<>"]+|www\.[^\s<>"]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/gi;
const TRAILING = /[.,;:!?'"»”’)\]}>]+$/;

/** Drops sentence punctuation after an address, keeping a closing bracket that has its opening one. */
function trimTrailing(url: string): string {
  let end = url;
  for (;;) {
    const m = TRAILING.exec(end);
    if (!m) return end;
    const last = end.slice(-1);
    if (last === ")" && (end.match(/\(/g)?.length ?? 0) >= (end.match(/\)/g)?.length ?? 0)) return end;
    end = end.slice(0, -1);
  }
}

/**
 * Splits plain text into text and links: http(s) and mailto addresses (and bare www. hosts and
 * e-mail addresses) become links; trailing punctuation stays text. Pure, so it can be tested.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(LINK)) {
    const raw = trimTrailing(m[0]);
    const start = m.index;
    if (!raw || /^(?:https?:\/\/|mailto:|www\.)$/i.test(raw)) continue;
    if (start > at) parts.push({ kind: "text", text: text.slice(at, start) });
    const href = /^(https?:|mailto:)/i.test(raw) ? raw : raw.includes("@") && !raw.toLowerCase().startsWith("www.") ? `mailto:${raw}` : `https://${raw}`;
    parts.push({ kind: "link", text: raw, href });
    at = start + raw.length;
  }
  if (at < text.length) parts.push({ kind: "text", text: text.slice(at) });
  return parts;
}
