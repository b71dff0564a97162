import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, people, securitySettings as settingsTable, sessions } from "@/db/schema";
import { securitySettings, updateSecuritySettings } from "@/lib/auth/security-settings";
import {
  createSession,
  endAllOwnSessions,
  endOtherOwnSessions,
  endOwnSession,
  endPersonSessions,
  endSession,
  listOwnSessions,
  liveSession,
  OWN_SESSIONS_SHOWN,
  pruneSessions,
  sessionKey,
} from "@/lib/auth/sessions";
import { ConflictError, FieldError, NotFoundError } from "@/lib/core/errors";
import { actorFor, useSeededTestDb } from "@/lib/test/db";

/** Server-side sessions (issue 14 point 1): the live rules with an injected clock, and a person's own sessions. */

beforeAll(async () => {
  await useSeededTestDb();
}, 120_000);

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);
const REQ = { ip: "192.0.2.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36" };
const EMP = "employee@example.com";
const HR = "hr@example.com";

function start(email: string, at = T0, userAgent: string | null = REQ.userAgent) {
  return createSession({ personId: actorFor(email).id, method: "password", secondFactor: false, ip: REQ.ip, userAgent }, at);
}
const row = (sid: string) => getDb().select().from(sessions).where(eq(sessions.id, sid)).get()!;
const setSettings = (values: { idleMinutes?: number; absoluteHours?: number }) => getDb().update(settingsTable).set(values).where(eq(settingsTable.id, 1)).run();
const revokedAudits = (personId: number) =>
  getDb()
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.action, "security.sessionRevoked"), eq(auditLog.entityId, String(personId))))
    .all()
    .map((r) => (typeof r.detail === "string" ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>);

beforeEach(() => {
  getDb().delete(sessions).run();
  setSettings({ idleMinutes: 30, absoluteHours: 12 });
});

describe("liveSession", () => {
  it("idle: live at exactly the idle timeout, gone one millisecond later", () => {
    const a = start(EMP);
    const b = start(EMP);
    expect(liveSession(a, T0 + 30 * MIN)).not.toBeNull();
    expect(liveSession(b, T0 + 30 * MIN + 1)).toBeNull();
  });

  it("idle follows HR's setting", () => {
    setSettings({ idleMinutes: 5 });
    const a = start(EMP);
    expect(liveSession(a, T0 + 5 * MIN)).not.toBeNull();
    const b = start(EMP);
    expect(liveSession(b, T0 + 5 * MIN + 1)).toBeNull();
  });

  it("a request keeps it alive, but never past the absolute lifetime", () => {
    const a = start(EMP);
    for (let t = T0 + 20 * MIN; t <= T0 + 12 * HOUR; t += 20 * MIN) expect(liveSession(a, t), `at +${(t - T0) / MIN} min`).not.toBeNull();
    expect(liveSession(a, T0 + 12 * HOUR)).not.toBeNull();
    expect(liveSession(a, T0 + 12 * HOUR + 1)).toBeNull();
  });

  it("the absolute lifetime follows HR's setting", () => {
    setSettings({ absoluteHours: 1, idleMinutes: 480 });
    const a = start(EMP);
    expect(liveSession(a, T0 + HOUR)).not.toBeNull();
    expect(liveSession(a, T0 + HOUR + 1)).toBeNull();
  });

  it("a revoked session is gone, and stays gone", () => {
    const a = start(EMP);
    expect(endSession(a, "signout", T0 + MIN)).toBe(true);
    expect(liveSession(a, T0 + MIN)).toBeNull();
    expect(endSession(a, "signout", T0 + 2 * MIN)).toBe(false);
    expect(row(a).revokedReason).toBe("signout");
  });

  it("an unknown id is not a session", () => {
    expect(liveSession("no-such-session", T0)).toBeNull();
  });

  it("a deactivated person's session is gone", () => {
    const a = start(EMP);
    const id = actorFor(EMP).id;
    getDb().update(people).set({ active: false }).where(eq(people.id, id)).run();
    try {
      expect(liveSession(a, T0 + MIN)).toBeNull();
    } finally {
      getDb().update(people).set({ active: true }).where(eq(people.id, id)).run();
    }
    expect(liveSession(a, T0 + MIN)).not.toBeNull();
  });

  it("records the request at most once a minute", () => {
    const a = start(EMP);
    liveSession(a, T0 + MIN - 1);
    expect(row(a).lastSeenAt).toBe(T0);
    liveSession(a, T0 + MIN);
    expect(row(a).lastSeenAt).toBe(T0 + MIN);
    liveSession(a, T0 + MIN + 30_000);
    expect(row(a).lastSeenAt).toBe(T0 + MIN);
  });

  it("touch = false (an anonymous author's actions) checks the session without recording the request", () => {
    const a = start(EMP);
    expect(liveSession(a, T0 + 5 * MIN, false)).not.toBeNull();
    expect(row(a).lastSeenAt).toBe(T0);
  });

  it("an idle or revoked session is never touched back to life", () => {
    const a = start(EMP);
    expect(liveSession(a, T0 + 31 * MIN)).toBeNull();
    expect(row(a).lastSeenAt).toBe(T0);
    expect(liveSession(a, T0 + 31 * MIN)).toBeNull();
  });
});

describe("pruneSessions", () => {
  it("forgets sessions ended or idle for 30 days, keeps the rest", () => {
    const now = T0 + 40 * 24 * HOUR;
    const old = start(EMP);
    const ended = start(EMP, now - 2 * HOUR);
    endSession(ended, "signout", now - HOUR);
    const endedLongAgo = start(EMP, now - 31 * 24 * HOUR);
    endSession(endedLongAgo, "signout", now - 31 * 24 * HOUR + MIN);
    const fresh = start(EMP, now - MIN);
    expect(pruneSessions(now)).toBe(2);
    expect(getDb().select({ id: sessions.id }).from(sessions).all().map((r) => r.id).sort()).toEqual([ended, fresh].sort());
    void old;
  });
});

describe("a person's own sessions", () => {
  const now = () => Date.now();

  it("lists only the person's live sessions, newest activity first, the current one marked", () => {
    const emp = actorFor(EMP);
    const t = now();
    const older = start(EMP, t - 10 * MIN);
    const current = start(EMP, t - 5 * MIN);
    const idle = start(EMP, t - 31 * MIN);
    const ended = start(EMP, t - MIN);
    endSession(ended, "signout", t);
    start(HR, t);
    const { sessions: list, total } = listOwnSessions(emp, current, t);
    expect(total).toBe(2);
    expect(list.map((s) => s.key)).toEqual([sessionKey(current), sessionKey(older)]);
    expect(list.map((s) => s.current)).toEqual([true, false]);
    expect(list[0]).toMatchObject({ ip: REQ.ip, userAgent: REQ.userAgent, method: "password", createdAt: t - 5 * MIN, lastSeenAt: t - 5 * MIN });
    // The page gets a handle, never the session id (the secret inside the cookie).
    expect(JSON.stringify(list)).not.toContain(current);
    void idle;
  });

  it("caps the list and says how many there are", () => {
    const t = now();
    for (let i = 0; i < OWN_SESSIONS_SHOWN + 3; i++) start(EMP, t - i * 1000);
    const { sessions: list, total } = listOwnSessions(actorFor(EMP), null, t);
    expect(list).toHaveLength(OWN_SESSIONS_SHOWN);
    expect(total).toBe(OWN_SESSIONS_SHOWN + 3);
  });

  it("ends one of the person's own sessions, audited", () => {
    const emp = actorFor(EMP);
    const a = start(EMP, now());
    const b = start(EMP, now());
    const before = revokedAudits(emp.id).length;
    endOwnSession(emp, sessionKey(b), REQ);
    expect(liveSession(b)).toBeNull();
    expect(row(b).revokedReason).toBe("ended");
    expect(liveSession(a)).not.toBeNull();
    const audits = revokedAudits(emp.id);
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)).toMatchObject({ scope: "one", count: 1, ip: REQ.ip, userAgent: REQ.userAgent });
  });

  it("another person's session, an ended one or a raw session id is not found", () => {
    const emp = actorFor(EMP);
    const hrs = start(HR, now());
    expect(() => endOwnSession(emp, sessionKey(hrs), REQ)).toThrow(NotFoundError);
    expect(liveSession(hrs)).not.toBeNull();
    const mine = start(EMP, now());
    expect(() => endOwnSession(emp, mine, REQ)).toThrow(NotFoundError);
    endSession(mine, "signout");
    expect(() => endOwnSession(emp, sessionKey(mine), REQ)).toThrow(NotFoundError);
  });

  it("sign out everywhere else keeps the current session and other people's", () => {
    const emp = actorFor(EMP);
    const current = start(EMP, now());
    const other1 = start(EMP, now());
    const other2 = start(EMP, now());
    const hrs = start(HR, now());
    expect(endOtherOwnSessions(emp, current, REQ)).toBe(2);
    expect([current, other1, other2, hrs].map((s) => Boolean(liveSession(s)))).toEqual([true, false, false, true]);
    expect(row(other1).revokedReason).toBe("everywhere");
    expect(revokedAudits(emp.id).at(-1)).toMatchObject({ scope: "others", count: 2 });
  });

  it("sign out everywhere ends the current session too", () => {
    const emp = actorFor(EMP);
    const current = start(EMP, now());
    const other = start(EMP, now());
    const hrs = start(HR, now());
    expect(endAllOwnSessions(emp, REQ)).toBe(2);
    expect([current, other, hrs].map((s) => Boolean(liveSession(s)))).toEqual([false, false, true]);
    expect(revokedAudits(emp.id).at(-1)).toMatchObject({ scope: "all", count: 2 });
  });

  it("endPersonSessions keeps the one named", () => {
    const emp = actorFor(EMP);
    const keep = start(EMP, now());
    const gone = start(EMP, now());
    expect(endPersonSessions(emp.id, "password", { keep })).toBe(1);
    expect(row(gone).revokedReason).toBe("password");
    expect(liveSession(keep)).not.toBeNull();
  });
});

describe("updateSecuritySettings", () => {
  const hr = () => actorFor(HR);
  const field = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(FieldError);
      return (e as FieldError).fieldErrors;
    }
    throw new Error("not refused");
  };

  it("refuses values outside the ranges next to their fields", () => {
    const rev = securitySettings().revision;
    expect(field(() => updateSecuritySettings(hr(), rev, { idleMinutes: 4 }))).toEqual({ idleMinutes: "idleMinutesRange" });
    expect(field(() => updateSecuritySettings(hr(), rev, { idleMinutes: 481 }))).toEqual({ idleMinutes: "idleMinutesRange" });
    expect(field(() => updateSecuritySettings(hr(), rev, { idleMinutes: 10.5 }))).toEqual({ idleMinutes: "idleMinutesRange" });
    expect(field(() => updateSecuritySettings(hr(), rev, { absoluteHours: 0, idleMinutes: 30 }))).toEqual({ absoluteHours: "absoluteHoursRange" });
    expect(field(() => updateSecuritySettings(hr(), rev, { absoluteHours: 25 }))).toEqual({ absoluteHours: "absoluteHoursRange" });
    expect(securitySettings().revision).toBe(rev);
  });

  it("saves the edges of the ranges and only the fields given, audited with what changed", () => {
    const rev = securitySettings().revision;
    expect(updateSecuritySettings(hr(), rev, { idleMinutes: 5, absoluteHours: 24 })).toEqual({ revision: rev + 1 });
    expect(securitySettings()).toMatchObject({ idleMinutes: 5, absoluteHours: 24, requireSecondFactorForHr: false, ssoCreatesPeople: false, revision: rev + 1 });
    updateSecuritySettings(hr(), rev + 1, { idleMinutes: 480, absoluteHours: 1, requireSecondFactorForHr: true, ssoCreatesPeople: true });
    expect(securitySettings()).toMatchObject({ idleMinutes: 480, absoluteHours: 1, requireSecondFactorForHr: true, ssoCreatesPeople: true });
    const last = getDb().select().from(auditLog).where(eq(auditLog.action, "organisation.update")).all().at(-1)!;
    const detail = (typeof last.detail === "string" ? JSON.parse(last.detail) : last.detail) as { changes: Record<string, unknown> };
    expect(last).toMatchObject({ actorId: hr().id, entityType: "organisation" });
    expect(detail.changes).toEqual({
      idleMinutes: { from: 5, to: 480 },
      absoluteHours: { from: 24, to: 1 },
      requireSecondFactorForHr: { from: false, to: true },
      ssoCreatesPeople: { from: false, to: true },
    });
    updateSecuritySettings(hr(), rev + 2, { requireSecondFactorForHr: false, ssoCreatesPeople: false });
    expect(securitySettings()).toMatchObject({ idleMinutes: 480, absoluteHours: 1, requireSecondFactorForHr: false });
  });

  it("a stale revision is a conflict and changes nothing", () => {
    const { revision, idleMinutes } = securitySettings();
    expect(() => updateSecuritySettings(hr(), revision - 1, { idleMinutes: idleMinutes === 60 ? 61 : 60 })).toThrow(ConflictError);
    expect(securitySettings()).toMatchObject({ revision, idleMinutes });
  });
});
