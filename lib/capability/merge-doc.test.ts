import { describe, expect, it } from "vitest";
import { emptyResponsibility, type RoleDoc } from "@/lib/roles/doc";
import { parseCapabilityKey, rewriteCapability } from "@/lib/capability/merge-doc";

const doc = (caps: { key: string; name: string }[][]): RoleDoc => ({
  title: "Technician",
  purpose: "",
  tools: [],
  responsibilities: caps.map((c, i) => ({ ...emptyResponsibility(`r${i}`), title: `R${i}`, capabilities: c.map((x) => ({ ...x, kind: "technical" as const })) })),
});
const survivor = { key: "keep", name: "De-escalation", kind: "interpersonal" as const };

describe("rewriteCapability (a merge in a role draft)", () => {
  it("replaces the duplicate's key, name and kind with the survivor's, in place", () => {
    const out = rewriteCapability(doc([[{ key: "a", name: "A" }, { key: "dup", name: "Old words" }, { key: "b", name: "B" }]]), "dup", survivor)!;
    expect(out.responsibilities[0].capabilities).toEqual([
      { key: "a", name: "A", kind: "technical" },
      { key: "keep", name: "De-escalation", kind: "interpersonal" },
      { key: "b", name: "B", kind: "technical" },
    ]);
  });

  it("keeps the survivor once where a responsibility already needs it (a key never repeats in one)", () => {
    const out = rewriteCapability(doc([[{ key: "keep", name: "De-escalation" }, { key: "dup", name: "Old" }], [{ key: "dup", name: "Old" }]]), "dup", survivor)!;
    expect(out.responsibilities[0].capabilities.map((c) => c.key)).toEqual(["keep"]);
    expect(out.responsibilities[1].capabilities.map((c) => c.key)).toEqual(["keep"]);
  });

  it("returns null for a document that does not name the duplicate, and leaves other responsibilities alone", () => {
    const d = doc([[{ key: "a", name: "A" }], [{ key: "dup", name: "Old" }]]);
    expect(rewriteCapability(d, "nothere", survivor)).toBeNull();
    const out = rewriteCapability(d, "dup", survivor)!;
    expect(out.responsibilities[0]).toBe(d.responsibilities[0]);
  });
});

describe("parseCapabilityKey", () => {
  it("accepts the keys Rolebook makes and nothing else", () => {
    expect(parseCapabilityKey("3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b")).toBe("3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b");
    expect(parseCapabilityKey("0a1b2c3d4e5f60718293a4b5c6d7e8f9")).toBe("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    for (const bad of ["", "../etc", "a b", "-x", "x".repeat(65), "é", undefined, 12]) expect(parseCapabilityKey(bad)).toBeNull();
  });
});
