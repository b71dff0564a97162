import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

const origin = "https://rolebook.example.com";

describe("safeCallbackPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeCallbackPath("/roles/technician", origin)).toBe("/roles/technician");
    expect(safeCallbackPath("/people?page=2#list", origin)).toBe("/people?page=2#list");
    expect(safeCallbackPath("https://rolebook.example.com/settings", origin)).toBe("/settings");
    expect(safeCallbackPath("people", origin)).toBe("/people");
  });

  it.each([
    "/\t/evil.example", // %2F%09%2Fevil.example decoded: the URL parser drops the tab
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "https://evil.example/",
    "http://rolebook.example.com/", // another scheme is another origin
    "https://rolebook.example.com:444/",
    "https://rolebook.example.com.evil.example/",
    "https://user:pass@rolebook.example.com/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:a@example.com",
    "/.//evil.example", // resolves to the path "//evil.example": protocol-relative in a Location
    "/%2e//evil.example",
    "",
    "   ",
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value, origin)).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(safeCallbackPath(undefined, origin)).toBe("/");
    expect(safeCallbackPath(null, origin)).toBe("/");
    expect(safeCallbackPath(["/people"], origin)).toBe("/");
  });
});
