import { describe, expect, it } from "vitest";
import { fields } from "@/lib/core/validation";

const JUNK = ["abc", "1e3", "1e400", " 12", "12 ", "0x10", "0b1", "+1", "-1", "1.0", "1.5", "012", "1_000", "Infinity", "NaN", "١٢", "9007199254740992", "99999999999999999999"];

describe("fields.id", () => {
  it("accepts plain positive integers as strings or numbers", () => {
    expect(fields.id.parse("1")).toBe(1);
    expect(fields.id.parse("42")).toBe(42);
    expect(fields.id.parse(42)).toBe(42);
    expect(fields.id.parse(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([...JUNK, "0", "", null, undefined, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, true, [1], {}])("rejects %j", (value) => {
    expect(fields.id.safeParse(value).success).toBe(false);
  });
});

describe("fields.optionalId", () => {
  it("is null when empty or absent, the id when valid", () => {
    expect(fields.optionalId.parse("")).toBeNull();
    expect(fields.optionalId.parse(undefined)).toBeNull();
    expect(fields.optionalId.parse(null)).toBeNull();
    expect(fields.optionalId.parse("7")).toBe(7);
    expect(fields.optionalId.parse(7)).toBe(7);
  });

  it.each([...JUNK, "0", 0])("rejects %j", (value) => {
    expect(fields.optionalId.safeParse(value).success).toBe(false);
  });
});

describe("fields.revision", () => {
  it("accepts zero and plain positive integers", () => {
    expect(fields.revision.parse("0")).toBe(0);
    expect(fields.revision.parse("3")).toBe(3);
    expect(fields.revision.parse(3)).toBe(3);
  });

  it.each([...JUNK, "", "00", null, undefined, -1, 0.5])("rejects %j", (value) => {
    expect(fields.revision.safeParse(value).success).toBe(false);
  });
});

describe("fields.slug", () => {
  it("accepts the kebab-case slugs Rolebook creates", () => {
    expect(fields.slug.parse("service-advisor")).toBe("service-advisor");
    expect(fields.slug.parse("technician")).toBe("technician");
  });

  it.each(["", " technician", "Technician", "a_b", "a--b", "-a", "a-", "..", "é", "x".repeat(101), 1, null])("rejects %j", (value) => {
    expect(fields.slug.safeParse(value).success).toBe(false);
  });
});
