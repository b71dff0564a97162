import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, makeNonce } from "./csp";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce (no 'unsafe-inline', no 'unsafe-eval' outside development)", () => {
    const d = directives(contentSecurityPolicy({ nonce: "abc" }));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("adds 'unsafe-eval' only in development", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("lets forms reach the OpenID issuer's origin (the SSO redirect), nothing else of its URL", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n", oidcIssuer: "https://login.example.com/realms/acme" }));
    expect(d.get("form-action")).toEqual(["'self'", "https://login.example.com"]);
  });

  it.each(["", "not a url", "javascript:alert(1)", "data:text/html,x"])("ignores an unusable issuer %j", (issuer) => {
    expect(directives(contentSecurityPolicy({ nonce: "n", oidcIssuer: issuer })).get("form-action")).toEqual(["'self'"]);
  });
});

describe("makeNonce", () => {
  it("is base64 of 16 random bytes and different every time", () => {
    const a = makeNonce();
    const b = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(a).not.toBe(b);
  });
});
