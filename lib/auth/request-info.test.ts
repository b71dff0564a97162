import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, PEER_HEADER } from "@/lib/auth/request-info";

function h(peer: string | null, xff?: string, more: Record<string, string> = {}) {
  const headers = new Headers(more);
  if (peer !== null) headers.set(PEER_HEADER, peer);
  if (xff !== undefined) headers.set("x-forwarded-for", xff);
  return headers;
}

describe("clientAddress", () => {
  it("is the socket address, whatever X-Forwarded-For or X-Real-IP say, when no proxy is trusted", () => {
    expect(clientAddress(h("203.0.113.9", "198.51.100.1", { "x-real-ip": "198.51.100.2" }), undefined)).toBe("203.0.113.9");
    expect(clientAddress(h("203.0.113.9", "198.51.100.1"), "")).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For when the socket peer is not a trusted proxy", () => {
    expect(clientAddress(h("203.0.113.9", "198.51.100.1"), "10.0.0.0/8")).toBe("203.0.113.9");
  });

  it("is null without the server's peer header (X-Forwarded-For alone means nothing)", () => {
    expect(clientAddress(h(null, "198.51.100.1"), "10.0.0.0/8")).toBeNull();
  });

  it("takes the rightmost address the trusted proxies did not add", () => {
    // client forged "1.1.1.1"; the edge proxy 10.0.0.5 appended the real client 198.51.100.7,
    // the inner proxy 10.0.0.6 appended 10.0.0.5; the socket peer is 10.0.0.6.
    const headers = h("10.0.0.6", "1.1.1.1, 198.51.100.7, 10.0.0.5");
    expect(clientAddress(headers, "10.0.0.0/8")).toBe("198.51.100.7");
    expect(clientAddress(headers, "10.0.0.5, 10.0.0.6")).toBe("198.51.100.7");
    // Only 10.0.0.6 trusted: 10.0.0.5 is the client as far as we can tell.
    expect(clientAddress(headers, "10.0.0.6")).toBe("10.0.0.5");
  });

  it("rotating a forged X-Forwarded-For behind a trusted proxy does not change the answer", () => {
    for (const forged of ["1.1.1.1", "2.2.2.2", "3.3.3.3, 4.4.4.4"]) {
      expect(clientAddress(h("127.0.0.1", `${forged}, 198.51.100.7`), "127.0.0.1")).toBe("198.51.100.7");
    }
  });

  it("falls back to the last trusted hop when the chain holds something that is not an address", () => {
    expect(clientAddress(h("10.0.0.6", "garbage, 10.0.0.5"), "10.0.0.0/8")).toBe("10.0.0.5");
    expect(clientAddress(h("10.0.0.6", "not-an-ip"), "10.0.0.0/8")).toBe("10.0.0.6");
    expect(clientAddress(h("10.0.0.6"), "10.0.0.0/8")).toBe("10.0.0.6");
  });

  it("gives the leftmost hop when every hop is trusted", () => {
    expect(clientAddress(h("10.0.0.6", "10.0.0.4, 10.0.0.5"), "10.0.0.0/8")).toBe("10.0.0.4");
  });

  it("understands IPv6, IPv4-mapped peers and ports", () => {
    expect(clientAddress(h("::ffff:127.0.0.1", "198.51.100.7"), "127.0.0.1")).toBe("198.51.100.7");
    expect(clientAddress(h("::1", "[2001:DB8::7]:443"), "::1")).toBe("2001:db8::7");
    expect(clientAddress(h("fd00::2", "198.51.100.7:5678"), "fd00::/8")).toBe("198.51.100.7");
    expect(clientAddress(h("::ffff:203.0.113.9"), undefined)).toBe("203.0.113.9");
  });

  it("skips TRUSTED_PROXIES entries that are not addresses or CIDRs", () => {
    expect(clientAddress(h("10.0.0.6", "198.51.100.7"), "nonsense, 10.0.0.0/99, 10.0.0.6")).toBe("198.51.100.7");
    expect(clientAddress(h("10.0.0.6", "198.51.100.7"), "nonsense, 10.0.0.0/99")).toBe("10.0.0.6");
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["192.0.2.1:8080", "192.0.2.1"],
    ["[::1]:80", "::1"],
    ["FE80::1%eth0", "fe80::1"],
    [" 2001:db8::1 ", "2001:db8::1"],
  ])("%j → %j", (input, output) => {
    expect(normalizeAddress(input)).toBe(output);
  });
  it.each(["", "unknown", "evil.example", "999.1.1.1", "1.2.3"])("refuses %j", (input) => {
    expect(normalizeAddress(input)).toBeNull();
  });
});
