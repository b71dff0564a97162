import { describe, expect, it, vi } from "vitest";
import { timingSafeEqual } from "node:crypto";
import { RECEIPT_CODE_LENGTH } from "@/lib/confidence/vocabulary";
import { hashReceiptCode, newReceiptCode, normalizeReceiptCode, receiptMatches } from "@/lib/concerns/receipt";

vi.mock("node:crypto", async (importOriginal) => {
  const m = await importOriginal<typeof import("node:crypto")>();
  return { ...m, timingSafeEqual: vi.fn(m.timingSafeEqual) };
});

describe("receipt codes", () => {
  it("have at least 16 random characters from an alphabet without look-alikes, shown in groups of four", () => {
    const codes = Array.from({ length: 200 }, newReceiptCode);
    expect(RECEIPT_CODE_LENGTH).toBeGreaterThanOrEqual(16);
    for (const c of codes) {
      expect(c).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4})+$/);
      expect(normalizeReceiptCode(c)).toHaveLength(RECEIPT_CODE_LENGTH);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("normalize case, dashes and spaces away, so the hash is the same", () => {
    const code = newReceiptCode();
    const typed = ` ${code.toLowerCase().replace(/-/g, " ")}\n`;
    expect(normalizeReceiptCode(typed)).toBe(code.replace(/-/g, ""));
    expect(hashReceiptCode(typed)).toBe(hashReceiptCode(code));
    expect(hashReceiptCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashReceiptCode(code)).not.toContain(code.replace(/-/g, "").toLowerCase());
  });

  it("are compared in constant time, and a different or malformed hash never matches", () => {
    const code = newReceiptCode();
    vi.mocked(timingSafeEqual).mockClear();
    expect(receiptMatches(code.toLowerCase(), hashReceiptCode(code))).toBe(true);
    expect(vi.mocked(timingSafeEqual)).toHaveBeenCalledTimes(1);
    expect(receiptMatches(newReceiptCode(), hashReceiptCode(code))).toBe(false);
    expect(receiptMatches(code, "abc")).toBe(false);
    expect(receiptMatches(code, "")).toBe(false);
  });
});
