import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { useSeededTestDb } from "@/lib/test/db";
import { SEED_TIMEOUT } from "@/lib/test/refusals";
import { personSearchText } from "@/lib/core/search-text";
import { generateFile, parseGenerateArgs, prng } from "./generate";

/** The benchmark's large organisation (issue 15, point 1), on a small count. */

let demo = "";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-bench-gen-"));
const small = { people: 200, teams: 10, roles: 3, plans: 20, announcements: 5 };

beforeAll(async () => {
  demo = await useSeededTestDb();
}, SEED_TIMEOUT);

const TABLES = ["people", "teams", "job_roles", "responsibilities", "tasks", "role_versions", "onboardings", "onboarding_items", "announcements", "acknowledgements", "notifications", "audit_log", "evaluations", "concerns", "ratings", "capability_evidence", "access_grants"];

/** A digest of the generated tables' contents, in row order. */
function digest(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const h = crypto.createHash("sha256");
    for (const t of TABLES) h.update(JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
    return h.digest("hex");
  } finally {
    db.close();
  }
}

describe("bench generator", () => {
  it("makes the same organisation from the same seed, and another from another seed", () => {
    const a = path.join(dir, "a.db");
    const b = path.join(dir, "b.db");
    const c = path.join(dir, "c.db");
    generateFile(demo, a, { seed: 7, ...small });
    generateFile(demo, b, { seed: 7, ...small });
    generateFile(demo, c, { seed: 8, ...small });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  }, 60_000);

  it("adds the people, plans and answers asked for and keeps the demo accounts as they are", () => {
    const out = path.join(dir, "d.db");
    const added = generateFile(demo, out, { seed: 3, ...small });
    expect(added.people).toBe(200);
    expect(added.teams).toBe(10);
    expect(added.onboardings).toBe(20);
    expect(added.announcements).toBe(5);
    expect(added.acknowledgements).toBeGreaterThan(0);
    const before = new Database(demo, { readonly: true });
    const after = new Database(out, { readonly: true });
    try {
      const accounts = "SELECT id, email, password_hash, app_role, job_role_id, reports_to_id FROM people WHERE email IN ('hr@example.com','manager@example.com','supervisor@example.com','employee@example.com','newhire@example.com') ORDER BY id";
      expect(after.prepare(accounts).all()).toEqual(before.prepare(accounts).all());
      const open = after.prepare("SELECT count(*) AS n FROM onboardings WHERE status = 'open'").get() as { n: number };
      expect(open.n).toBeGreaterThanOrEqual(20);
      // Part of the new people report to the demo manager or supervisor.
      const under = after.prepare("SELECT count(*) AS n FROM people WHERE reports_to_id IN (SELECT id FROM people WHERE email IN ('manager@example.com','supervisor@example.com'))").get() as { n: number };
      const underBefore = before.prepare("SELECT count(*) AS n FROM people WHERE reports_to_id IN (SELECT id FROM people WHERE email IN ('manager@example.com','supervisor@example.com'))").get() as { n: number };
      expect(under.n).toBeGreaterThan(underBefore.n + 20);
      expect(after.pragma("foreign_key_check")).toEqual([]);
      const person = after.prepare("SELECT name, email, search_text FROM people WHERE email = 'bench.1@example.com'").get() as { name: string; email: string; search_text: string };
      expect(person.search_text).toBe(personSearchText(person.name, person.email));
    } finally {
      before.close();
      after.close();
    }
  }, 60_000);

  it("prng is deterministic and in [0, 1)", () => {
    const a = prng(42);
    const b = prng(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("parses its command line", () => {
    expect(parseGenerateArgs(["--from", "a.db", "--out", "b.db"])).toEqual({ from: "a.db", out: "b.db", seed: 15, people: 10_000 });
    expect(parseGenerateArgs(["--from", "a.db", "--out", "b.db", "--seed", "9", "--people", "50"])).toMatchObject({ seed: 9, people: 50 });
    expect(() => parseGenerateArgs(["--out", "b.db"])).toThrow(/usage/);
    expect(() => parseGenerateArgs(["--from", "a", "--out", "b", "--seed", "x"])).toThrow();
  });
});
