import "server-only";
import { BlockList, isIP } from "node:net";

/**
 * The header the Rolebook server (scripts/server.mjs) sets on every request to the socket's remote
 * address, after deleting whatever a client sent under that name. Nothing else may set it.
 */
export const PEER_HEADER = "x-rolebook-peer";

/**
 * Who is asking, from a request's headers: the socket address, never a header a client can forge.
 * Only when the socket peer is one of TRUSTED_PROXIES (comma-separated addresses or CIDRs, e.g.
 * "10.0.0.0/8, ::1") is X-Forwarded-For read: from the right, skipping the addresses of trusted
 * proxies, the first address they did not add is the client. Otherwise X-Forwarded-For is ignored.
 * Null when the request did not come through the Rolebook server (e.g. `next dev` without it).
 */
export function clientAddress(headers: Headers, trustedProxies: string | undefined = process.env.TRUSTED_PROXIES): string | null {
  const peer = normalizeAddress(headers.get(PEER_HEADER));
  if (!peer) return null;
  const trusted = trustedList(trustedProxies);
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  let last = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // Not an address: the proxy we trust did not write this; the last address it vouched for stands.
    if (!hop) return last;
    if (!isTrusted(trusted, hop)) return hop;
    last = hop;
  }
  // Every hop is a trusted proxy: the leftmost one is as far as the chain goes.
  return last;
}

/**
 * An address as written in a socket or X-Forwarded-For ("::ffff:192.0.2.1", "[2001:db8::1]:443",
 * "192.0.2.1:5678"), reduced to the bare address; null when it is not an IP address.
 */
export function normalizeAddress(value: string | null | undefined): string | null {
  let v = value?.trim();
  if (!v) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  const zone = v.indexOf("%");
  if (zone > 0) v = v.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(v);
  if (mapped) v = mapped[1];
  const family = isIP(v);
  if (family === 0) return null;
  return family === 6 ? v.toLowerCase() : v;
}

let cached: { source: string; list: BlockList | null } | null = null;

/** TRUSTED_PROXIES parsed once per value: addresses and CIDRs (IPv4 or IPv6); invalid entries are skipped. */
export function trustedList(source: string | undefined): BlockList | null {
  const text = source?.trim() ?? "";
  if (cached?.source === text) return cached.list;
  let list: BlockList | null = null;
  for (const entry of text.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [addr, prefixText, extra] = entry.split("/");
    const address = normalizeAddress(addr);
    const family = address ? isIP(address) : 0;
    const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
    const max = family === 4 ? 32 : 128;
    if (!address || extra !== undefined || !/^\d+$/.test(String(prefix)) || prefix < 0 || prefix > max) {
      console.warn(`rolebook: TRUSTED_PROXIES entry "${entry}" is not an address or CIDR; ignored`);
      continue;
    }
    list ??= new BlockList();
    list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  cached = { source: text, list };
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/** The user agent, trimmed to a length worth storing (sessions list, audit). */
export function userAgentOf(headers: Headers): string | null {
  const ua = headers.get("user-agent")?.trim();
  return ua ? ua.slice(0, 300) : null;
}
