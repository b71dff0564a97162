import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en.json";
import nl from "@/i18n/messages/nl.json";
import tr from "@/i18n/messages/tr.json";
import { AUDIT_ACTIONS, RECORD_TYPES, changesOf, sentenceKey, sentenceValues, type AuditSubject } from "@/lib/audit/sentences";

const MESSAGES = { en, nl, tr } as const;

function render(locale: keyof typeof MESSAGES, action: string, detail: Record<string, unknown>, subject: AuditSubject, actorName: string | null = "Helena Rossi") {
  const t = createTranslator({ locale, messages: MESSAGES[locale] as never, namespace: "audit" as never }) as unknown as {
    (key: string, values?: Record<string, unknown>): string;
    markup: (key: string, values: Record<string, unknown>) => string;
  };
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
  const values = sentenceValues({ actorName, action, detail }, subject, (k, v) => t(k, v), list);
  return t.markup(`sentence.${sentenceKey(action, detail)}`, { ...values, link: (chunks: string) => `[${chunks}]` });
}

const elif: AuditSubject = { kind: "person", type: "person", id: "4", name: "Elif Yılmaz", href: "/people/4" };

/** Every action string lib/ writes to the audit log. */
function actionsWrittenInLib(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (p.endsWith(".ts") && !p.endsWith(".test.ts")) {
        const src = fs.readFileSync(p, "utf8");
        for (const m of src.matchAll(/action:\s*([^,}\n]*)/g)) for (const s of m[1].matchAll(/"([a-z]+(?:\.[a-z]+)+)"/g)) found.add(s[1]);
      }
    }
  };
  walk(path.resolve(import.meta.dirname, ".."));
  return [...found].sort();
}

/** Security events about the actor's own account (no link to another record). */
const ABOUT_THEMSELVES = ["security.signin", "security.signout", "security.passwordChanged", "security.passwordReset", "security.secondFactorEnrolled", "security.secondFactorUsed", "security.secondFactorDisabled", "security.ssoSignin", "security.setupCompleted"];
/** Security events nobody signed in did (a failed or refused sign-in, a reset request): they name the account, not an actor. */
const NO_ACTOR = ["security.signinFailed", "security.signinLocked", "security.passwordResetRequested", "security.ssoRefused"];
/** What the system did by itself, about no one record (a sentence without actor or link). */
const SYSTEM_RUNS = ["demo.seed", "pulse.autoSent"];

describe("audit sentences", () => {
  it("every action lib/ writes has a sentence", () => {
    const written = actionsWrittenInLib();
    expect(written).toContain("person.update");
    expect(written.filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });

  for (const locale of ["en", "tr"] as const) {
    it(`reads each action as a sentence in ${locale}, never as its raw key`, () => {
      for (const action of AUDIT_ACTIONS) {
        const text = render(locale, action, { version: 2, title: "Order overalls", changes: { phone: { from: "1", to: "2" } } }, elif);
        expect(text, action).not.toContain(action);
        expect(text, action).not.toMatch(/[{}<>]|sentence\.|undefined/);
        if (!SYSTEM_RUNS.includes(action) && !NO_ACTOR.includes(action)) expect(text, action).toContain("Helena Rossi");
        if (![...SYSTEM_RUNS, "auth.signin", ...ABOUT_THEMSELVES].includes(action)) expect(text, action).toContain("[Elif Yılmaz]");
      }
    });
  }

  it("a person edit names the changed fields in the reader's language", () => {
    const detail = { changes: { phone: { from: "+31 1", to: "+31 2" }, team: { from: "Reception", to: "Workshop" } } };
    expect(render("en", "person.update", detail, elif)).toBe("Helena Rossi changed [Elif Yılmaz]’s phone and team");
    expect(render("nl", "person.update", detail, elif)).toBe("Helena Rossi wijzigde telefoon en team van [Elif Yılmaz]");
    expect(render("tr", "person.update", detail, elif)).toBe("Helena Rossi, [Elif Yılmaz] kişisinin şu bilgilerini değiştirdi: telefon ve ekip");
    // A password reset is named, never with a value.
    expect(render("en", "person.update", { changes: {}, signInReset: true }, elif)).toBe("Helena Rossi changed [Elif Yılmaz]’s password");
    expect(render("en", "person.update", { changes: {} }, elif)).toBe("Helena Rossi saved [Elif Yılmaz]’s record without changes");
  });

  it("names versions, plans, missing records and the system", () => {
    const version: AuditSubject = { kind: "version", type: "job_role", id: "1", name: "Service Advisor", version: 2, href: "/roles/service-advisor/versions/2" };
    expect(render("en", "role.publish", { version: 2 }, version)).toBe("Helena Rossi published [Service Advisor, version 2]");
    const plan: AuditSubject = { kind: "plan", type: "onboarding", id: "1", name: "Nora Bērziņa", href: "/onboarding/1" };
    expect(render("en", "onboarding.start", {}, plan, "Marco Janssen")).toBe("Marco Janssen started [Nora Bērziņa’s onboarding plan]");
    const gone: AuditSubject = { kind: "person", type: "person", id: "99", name: null, href: null };
    expect(render("en", "person.deactivate", {}, gone, null)).toBe("System deactivated [a record that no longer exists]");
    const area: AuditSubject = { kind: "record", type: "audit_log", id: null, name: null, href: null };
    expect(render("en", "access.denied", {}, area, "Elif Yılmaz")).toBe("Elif Yılmaz tried to open [Audit log] and was refused");
    expect(render("en", "something.new", {}, elif)).toBe("Helena Rossi made a change to [Elif Yılmaz]");
  });

  it("an automatic pulse run reads with its counts by occasion, in every language", () => {
    const area: AuditSubject = { kind: "record", type: "pulse_round", id: null, name: null, href: null };
    const detail = { recipients: 5, onboarding_30: 2, onboarding_90: 1, role_change: 2 };
    expect(render("en", "pulse.autoSent", detail, area, null)).toBe("The role-clarity pulse was sent automatically to 5 people: 3 for onboarding, 2 after a role change");
    expect(render("nl", "pulse.autoSent", detail, area, null)).toBe("De rolhelderheidspuls werd automatisch verstuurd naar 5 mensen: 3 voor het inwerken, 2 na een rolwijziging");
    expect(render("tr", "pulse.autoSent", { recipients: 1, role_change: 1 }, area, null)).toBe("Rol netliği anketi otomatik olarak 1 kişiye gönderildi: 0 işe alışma için, 1 rol değişikliği sonrası");
  });

  it("every record type has a label", () => {
    for (const type of RECORD_TYPES) expect((en.audit.types as Record<string, string>)[type], type).toBeTruthy();
  });

  it("reads changes from the new and the old detail shape", () => {
    expect(changesOf({ changes: { team: { from: "A", to: "B" } } })).toEqual({ changes: [{ field: "team", from: "A", to: "B" }], fields: ["team"] });
    expect(changesOf({ fields: ["phone"] })).toEqual({ changes: [], fields: ["phone"] });
  });
});
