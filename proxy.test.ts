import { describe, expect, it } from "vitest";
import { pathDecodes } from "./proxy";

describe("pathDecodes", () => {
  it.each(["/", "/people/1", "/roles/service-advisor/versions/2", "/jobs/%E2%82%AC", "/people/%20", "/a%2Fb"])("is true for %j", (path) => {
    expect(pathDecodes(path)).toBe(true);
  });

  it.each(["/people/%C3%28", "/roles/%E0%A4%A", "/onboarding/%ff", "/jobs/%", "/jobs/%zz", "/%C3/x", "/people/1%"])("is false for %j", (path) => {
    expect(pathDecodes(path)).toBe(false);
  });
});
