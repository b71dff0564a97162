import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailPreferences } from "@/db/schema";
import { ConflictError, FieldError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { ownEmailPreferences, saveOwnEmailPreferences } from "./preferences";
import { DEFAULT_DIGEST_TIME, DEFAULT_MODE, EMAIL_GROUPS } from "./vocabulary";

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

describe("own email preferences", () => {
  it("without a saved choice every group has its default and the digest comes at 08:00", () => {
    const prefs = ownEmailPreferences(actorFor("employee@example.com"));
    expect(prefs.groups.map((g) => g.group)).toEqual([...EMAIL_GROUPS]);
    for (const g of prefs.groups) {
      expect(g.mode).toBe(DEFAULT_MODE[g.group]);
      expect(g.isDefault).toBe(true);
    }
    expect(prefs.groups.find((g) => g.group === "changes")!.mode).toBe("immediate");
    expect(prefs.groups.find((g) => g.group === "announcements")!.mode).toBe("digest");
    expect(prefs.digestTime).toBe(DEFAULT_DIGEST_TIME);
    expect(prefs.revision).toBe(0);
  });

  it("saving keeps the choices and the digest time; only choices that differ from the default are stored", () => {
    const emp = actorFor("employee@example.com");
    const saved = saveOwnEmailPreferences(emp, 0, { modes: { ...DEFAULT_MODE, announcements: "off", changes: "digest" }, digestTime: "17:30" });
    expect(saved.revision).toBe(1);
    const prefs = ownEmailPreferences(emp);
    expect(prefs.digestTime).toBe("17:30");
    expect(prefs.revision).toBe(1);
    expect(prefs.groups.find((g) => g.group === "announcements")).toEqual({ group: "announcements", mode: "off", isDefault: false });
    expect(prefs.groups.find((g) => g.group === "changes")).toEqual({ group: "changes", mode: "digest", isDefault: false });
    const rows = getDb().select().from(emailPreferences).where(eq(emailPreferences.personId, emp.id)).all();
    expect(rows.map((r) => r.group).sort()).toEqual(["announcements", "changes"]);

    // Back to the default: the row goes, so a changed default would reach this person again.
    saveOwnEmailPreferences(emp, 1, { modes: { ...DEFAULT_MODE, announcements: "off" }, digestTime: "17:30" });
    expect(getDb().select().from(emailPreferences).where(eq(emailPreferences.personId, emp.id)).all().map((r) => r.group)).toEqual(["announcements"]);
  });

  it("a save on a stale revision is a conflict and changes nothing", () => {
    const emp = actorFor("employee@example.com");
    const before = ownEmailPreferences(emp);
    expect(thrown(() => saveOwnEmailPreferences(emp, 1, { modes: { ...DEFAULT_MODE }, digestTime: "06:00" }))).toBeInstanceOf(ConflictError);
    expect(thrown(() => saveOwnEmailPreferences(emp, 0, { modes: { ...DEFAULT_MODE }, digestTime: "06:00" }))).toBeInstanceOf(ConflictError);
    expect(ownEmailPreferences(emp)).toEqual(before);
  });

  it("one person's choices never touch another's", () => {
    const nora = actorFor("newhire@example.com");
    saveOwnEmailPreferences(nora, 0, { modes: { ...DEFAULT_MODE, onboarding: "immediate" }, digestTime: "07:00" });
    expect(ownEmailPreferences(actorFor("employee@example.com")).groups.find((g) => g.group === "onboarding")!.mode).toBe("digest");
    expect(ownEmailPreferences(nora).groups.find((g) => g.group === "onboarding")!.mode).toBe("immediate");
  });

  it("unknown modes and digest times are refused next to their field", () => {
    const sup = actorFor("supervisor@example.com");
    const e = thrown(() => saveOwnEmailPreferences(sup, 0, { modes: { ...DEFAULT_MODE, pulse: "weekly" as never }, digestTime: "08:15" }));
    expect(e).toBeInstanceOf(FieldError);
    expect((e as FieldError).fieldErrors).toEqual({ mode_pulse: "invalidChoice", digestTime: "invalidChoice" });
  });
});
