import { describe, expect, it } from "vitest";
import { idParam, optionalIdParam, pageParam, parseId, slugParam, textParam } from "@/lib/core/page";

/** The status of the HTTP fallback error next/navigation's notFound() throws, or the value returned. */
function outcome<T>(run: () => T): T | "404" {
  try {
    return run();
  } catch (e) {
    const digest = (e as { digest?: unknown }).digest;
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "404";
    throw e;
  }
}

const JUNK_IDS = [
  "", "0", "00", "01", "-1", "-5", "+1", "1.0", "1.5", "1e3", "1e400", "0x10", "0b1", "0o7", " 12", "12 ", "1_000",
  "abc", "1abc", "Infinity", "NaN", "١٢", "１", "..", "%C3%28", "9007199254740992", "99999999999999999999", "1".repeat(500),
];

describe("idParam", () => {
  it("accepts plain positive integers", () => {
    expect(idParam("1")).toBe(1);
    expect(idParam("42")).toBe(42);
    expect(idParam(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(JUNK_IDS)("is not found for %j", (value) => {
    expect(outcome(() => idParam(value))).toBe("404");
    expect(parseId(value)).toBeNull();
  });

  it("is not found when absent or repeated", () => {
    expect(outcome(() => idParam(undefined))).toBe("404");
    expect(outcome(() => idParam(["1", "2"]))).toBe("404");
  });
});

describe("optionalIdParam", () => {
  it("is undefined when absent or empty, the id when valid, not found when junk", () => {
    expect(optionalIdParam(undefined)).toBeUndefined();
    expect(optionalIdParam("")).toBeUndefined();
    expect(optionalIdParam("7")).toBe(7);
    expect(outcome(() => optionalIdParam("abc"))).toBe("404");
    expect(outcome(() => optionalIdParam("-1"))).toBe("404");
  });
});

describe("slugParam", () => {
  it("accepts the kebab-case slugs Rolebook creates", () => {
    for (const slug of ["service-advisor", "technician", "parts-clerk", "customer-care-agent", "a", "role-2", "x".repeat(100)]) {
      expect(slugParam(slug)).toBe(slug);
    }
  });

  it.each([
    "", "Service-Advisor", "service_advisor", "service advisor", "-advisor", "advisor-", "service--advisor", "..", ".",
    "a/b", "a.b", "é", "çay", "роль", "%E0%A4%A", "x".repeat(101), "<script>",
  ])("is not found for %j", (value) => {
    expect(outcome(() => slugParam(value))).toBe("404");
  });

  it("is not found when absent or repeated", () => {
    expect(outcome(() => slugParam(undefined))).toBe("404");
    expect(outcome(() => slugParam(["technician"]))).toBe("404");
  });
});

describe("pageParam", () => {
  it("stays lenient for ?page=: junk is the first page", () => {
    expect(pageParam("3")).toBe(3);
    expect(pageParam("abc")).toBe(1);
    expect(pageParam(undefined)).toBe(1);
  });
});

describe("textParam", () => {
  it("trims and cuts a text filter; absent is empty", () => {
    expect(textParam("  desk  ", 100)).toBe("desk");
    expect(textParam("x".repeat(300), 100)).toBe("x".repeat(100));
    expect(textParam(undefined, 100)).toBe("");
    expect(textParam("", 100)).toBe("");
  });

  it("takes the first of a repeated parameter instead of failing", () => {
    expect(textParam(["a", "b"], 100)).toBe("a");
    expect(textParam([], 100)).toBe("");
  });
});
