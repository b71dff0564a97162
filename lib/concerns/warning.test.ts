import { describe, expect, it } from "vitest";
import { anonymityWarnings } from "@/lib/concerns/warning";

const big = { audience: "hr" as const, teamSize: 40 };
const smallRole = { title: "Parts Clerk", holders: 3 };
const bigRole = { title: "Technician", holders: 8 };

describe("anonymity warnings on the raise form", () => {
  it("a named concern is never warned about", () => {
    expect(anonymityWarnings({ anonymous: false, chosen: { audience: "team", teamSize: 2 }, role: smallRole, linked: true })).toEqual([]);
  });

  it("warns when the audience's team is smaller than 5", () => {
    expect(anonymityWarnings({ anonymous: true, chosen: { audience: "team", teamSize: 4 }, role: bigRole, linked: false })).toEqual([{ kind: "team", count: 4 }]);
    expect(anonymityWarnings({ anonymous: true, chosen: { audience: "team", teamSize: 5 }, role: bigRole, linked: false })).toEqual([]);
  });

  it("warns when a link names a role with fewer than 5 holders, even to a large audience", () => {
    expect(anonymityWarnings({ anonymous: true, chosen: big, role: smallRole, linked: true })).toEqual([{ kind: "role", count: 3, role: "Parts Clerk" }]);
    expect(anonymityWarnings({ anonymous: true, chosen: big, role: smallRole, linked: false })).toEqual([]);
    expect(anonymityWarnings({ anonymous: true, chosen: big, role: bigRole, linked: true })).toEqual([]);
  });

  it("addressed to the role's owner the team warning already counts the role's holders", () => {
    expect(anonymityWarnings({ anonymous: true, chosen: { audience: "role_owner", teamSize: 3 }, role: smallRole, linked: true })).toEqual([{ kind: "team", count: 3 }]);
    expect(anonymityWarnings({ anonymous: true, chosen: { audience: "role_owner", teamSize: 3, role: { id: 7 } }, role: { ...smallRole, id: 7 }, linked: true })).toEqual([
      { kind: "team", count: 3 },
    ]);
  });

  it("addressed to another role's owner, a link still names the author's small role", () => {
    const other = { audience: "role_owner" as const, teamSize: 40, role: { id: 9 } };
    expect(anonymityWarnings({ anonymous: true, chosen: other, role: { ...smallRole, id: 7 }, linked: true })).toEqual([{ kind: "role", count: 3, role: "Parts Clerk" }]);
    expect(anonymityWarnings({ anonymous: true, chosen: other, role: { ...smallRole, id: 7 }, linked: false })).toEqual([]);
  });
});
