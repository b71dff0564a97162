import { describe, expect, it } from "vitest";
import { pathDecodes, ratingFormRequest } from "./proxy";

describe("pathDecodes", () => {
  it.each(["/", "/people/1", "/roles/service-advisor/versions/2", "/jobs/%E2%82%AC", "/people/%20", "/a%2Fb"])("is true for %j", (path) => {
    expect(pathDecodes(path)).toBe(true);
  });

  it.each(["/people/%C3%28", "/roles/%E0%A4%A", "/onboarding/%ff", "/jobs/%", "/jobs/%zz", "/%C3/x", "/people/1%"])("is false for %j", (path) => {
    expect(pathDecodes(path)).toBe(false);
  });
});

describe("ratingFormRequest", () => {
  const req = (path: string, headers: Record<string, string>, method = "POST") => ({ method, headers: new Headers(headers), nextUrl: new URL(`http://127.0.0.1:3000${path}`) }) as never;
  const token = "A".repeat(43);
  it("gives a same-origin post of a rating form (no-referrer: Origin null) its own origin", () => {
    const out = ratingFormRequest(req(`/r/${token}`, { origin: "null", "sec-fetch-site": "same-origin", host: "rate.example.com" }));
    expect(out?.request.headers.get("origin")).toBe("http://rate.example.com");
    expect(ratingFormRequest(req("/q/abc", { origin: "null", "sec-fetch-site": "same-origin", "x-forwarded-host": "portal.example.com", "x-forwarded-proto": "https", host: "x" }))?.request.headers.get("origin")).toBe(
      "https://portal.example.com",
    );
  });
  it("leaves everything else alone: cross-site posts, other paths, GETs, real origins", () => {
    expect(ratingFormRequest(req(`/r/${token}`, { origin: "null", "sec-fetch-site": "cross-site", host: "h" }))).toBeUndefined();
    expect(ratingFormRequest(req(`/r/${token}`, { origin: "null", host: "h" }))).toBeUndefined();
    expect(ratingFormRequest(req("/people/1", { origin: "null", "sec-fetch-site": "same-origin", host: "h" }))).toBeUndefined();
    expect(ratingFormRequest(req(`/r/${token}`, { origin: "null", "sec-fetch-site": "same-origin", host: "h" }, "GET"))).toBeUndefined();
    expect(ratingFormRequest(req(`/r/${token}`, { origin: "https://evil.example", "sec-fetch-site": "same-origin", host: "h" }))).toBeUndefined();
  });
});
