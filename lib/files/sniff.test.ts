import { describe, expect, it } from "vitest";
import { sniffType } from "@/lib/files/sniff";

describe("upload type by content", () => {
  it("knows PDF, PNG and JPEG by their first bytes", () => {
    expect(sniffType(new TextEncoder().encode("%PDF-1.7\n%âãÏÓ"))).toBe("application/pdf");
    expect(sniffType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("image/png");
    expect(sniffType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
  });
  it("refuses anything else, whatever its name says", () => {
    expect(sniffType(new TextEncoder().encode("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(sniffType(new TextEncoder().encode("PK\u0003\u0004 docx"))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
    expect(sniffType(new TextEncoder().encode("%PD"))).toBeNull();
  });
});
