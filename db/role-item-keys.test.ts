import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_FOLDER } from "@/db/migrate";
import { openDatabase } from "@/db/open";
import { capabilityKeyFor, criterionKeyFor, keyRoleDocItems } from "@/db/role-item-keys";
import { parseRoleDoc, roleDocSchema, type RoleDoc } from "@/lib/roles/doc";
import { duplicateItemKeys } from "@/lib/roles/drafts";

// The data migration "0005_role_item_keys": a database from before criteria and capabilities had
// keys (all SQL migrations applied, documents without those keys) is migrated by applyMigrations.

type Loose = Record<string, unknown>;
const resp = (key: string, extra: Loose = {}): Loose => ({ key, title: `Responsibility ${key}`, description: "", tasks: [{ key: `${key}-t1`, title: "A task", description: "" }], ...extra });
const doc = (title: string, responsibilities: Loose[]): string => JSON.stringify({ title, purpose: "", responsibilities });

const CSI = { criterion: "CSI score", good: "9 or higher" };
const ESTIMATE = { criterion: "Estimate sent", good: "within 30 minutes" };

// Service Advisor v1, v2 (criterion reworded "good", one added, order changed) and an open draft.
const advisorV1 = doc("Service Advisor", [
  resp("r-reception", {
    evaluation: [CSI, ESTIMATE],
    capabilities: [{ name: "Customer communication", kind: "interpersonal" }, { name: "DMS", kind: "technical" }],
  }),
  // Pre-dates the sections: no evaluation or capabilities at all.
  { key: "r-bare", title: "Bare", description: "", tasks: [] },
]);
const advisorV2 = doc("Service Advisor", [
  resp("r-reception", {
    evaluation: [{ ...ESTIMATE, good: "within 20 minutes" }, CSI, { criterion: "Upsell rate", good: "" }],
    capabilities: [{ name: "DMS", kind: "technical" }, { name: "Customer communication", kind: "interpersonal" }],
  }),
]);
const advisorDraft = doc("Service Advisor", [
  resp("r-reception", {
    // The same text twice in one responsibility, and one with a key already (from a newer editor).
    evaluation: [CSI, { key: "kept-criterion-key", criterion: "Kept", good: "" }, { criterion: " csi   SCORE ", good: "again" }],
    capabilities: [{ name: "DMS", kind: "technical" }, { name: "dms", kind: "technical" }, { key: "kept-capability-key", name: "Kept", kind: "customer" }],
  }),
]);
// Another role shares a capability name (different case and spacing) and a criterion text.
const technician = doc("Technician", [
  resp("r-repairs", {
    evaluation: [CSI],
    capabilities: [{ name: "  customer   Communication", kind: "customer" }, { name: "Diagnostics", kind: "technical" }],
  }),
  resp("r-safety", { capabilities: [{ name: "Customer communication", kind: "interpersonal" }] }),
]);

let dir: string;
let sqlite: Database.Database;

const contents = (): Map<string, string> =>
  new Map(
    (
      sqlite
        .prepare(
          "select 'v:' || j.slug || ':' || v.number as id, v.content from role_versions v join job_roles j on j.id = v.job_role_id union all select 'd:' || j.slug, d.content from role_drafts d join job_roles j on j.id = d.job_role_id",
        )
        .all() as { id: string; content: string }[]
    ).map((r) => [r.id, r.content]),
  );
const docs = () => new Map([...contents()].map(([id, c]) => [id, parseRoleDoc(c)]));
const criteriaOf = (d: RoleDoc, resp: string) => d.responsibilities.find((r) => r.key === resp)!.evaluation;
const capabilitiesOf = (d: RoleDoc, resp: string) => d.responsibilities.find((r) => r.key === resp)!.capabilities;
const keyOf = <T extends { key: string }>(items: T[], pick: (x: T) => boolean) => items.find(pick)!.key;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rolebook-keys-"));
  sqlite = openDatabase(path.join(dir, "old.db"));
  // The database as the release before this one left it: every SQL migration, no data migration.
  migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
  const role = sqlite.prepare("insert into job_roles (slug, title) values (?, ?) returning id");
  const advisor = (role.get("service-advisor", "Service Advisor") as { id: number }).id;
  const tech = (role.get("technician", "Technician") as { id: number }).id;
  const version = sqlite.prepare("insert into role_versions (job_role_id, number, content, summary, kind, published_at) values (?, ?, ?, 's', 'material', '2026-01-01T00:00:00Z')");
  version.run(advisor, 1, advisorV1);
  version.run(advisor, 2, advisorV2);
  version.run(tech, 1, technician);
  sqlite.prepare("insert into role_drafts (job_role_id, content, revision, base_version) values (?, ?, 3, 2)").run(advisor, advisorDraft);
});

afterAll(() => {
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("keying the criteria and capabilities of stored role documents", () => {
  it("before the migration the documents do not parse", () => {
    for (const [id, content] of contents()) expect(roleDocSchema.safeParse(JSON.parse(content)).success, id).toBe(false);
  });

  it("after applyMigrations every document parses, and could be saved again (no key twice)", () => {
    applyMigrations(sqlite);
    const all = docs();
    expect([...all.keys()].sort()).toEqual(["d:service-advisor", "v:service-advisor:1", "v:service-advisor:2", "v:technician:1"]);
    for (const [id, d] of all) expect(duplicateItemKeys(d), id).toEqual({});
    // Nothing but keys was added.
    const v1 = all.get("v:service-advisor:1")!;
    expect(criteriaOf(v1, "r-reception").map(({ criterion, good }) => ({ criterion, good }))).toEqual([CSI, ESTIMATE]);
    expect(v1.responsibilities[1]).toMatchObject({ key: "r-bare", evaluation: [], capabilities: [] });
    expect(JSON.parse(contents().get("v:service-advisor:1")!).responsibilities[1]).not.toHaveProperty("evaluation");
  });

  it("the same criterion keeps one key across versions and the draft, whatever its position or 'what good looks like'", () => {
    const all = docs();
    const [v1, v2, draft] = ["v:service-advisor:1", "v:service-advisor:2", "d:service-advisor"].map((id) => criteriaOf(all.get(id)!, "r-reception"));
    const csi = keyOf(v1, (c) => c.criterion === "CSI score");
    const estimate = keyOf(v1, (c) => c.criterion === "Estimate sent");
    expect(csi).not.toBe(estimate);
    expect(keyOf(v2, (c) => c.criterion === "CSI score")).toBe(csi);
    expect(keyOf(v2, (c) => c.criterion === "Estimate sent")).toBe(estimate);
    expect(keyOf(v2, (c) => c.criterion === "Upsell rate")).not.toBeOneOf([csi, estimate]);
    // In the draft: the first "CSI score" is v1's; the second occurrence (same text once normalised)
    // gets its own key; a key already there is kept.
    expect(draft.map((c) => c.key)).toEqual([csi, "kept-criterion-key", criterionKeyFor("r-reception", "CSI score", 2)]);
    expect(csi).toBe(criterionKeyFor("r-reception", "CSI score"));
    expect(csi).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The same text under another responsibility is another criterion.
    expect(criteriaOf(all.get("v:technician:1")!, "r-repairs")[0].key).not.toBe(csi);
  });

  it("a capability shares one key across responsibilities, roles, versions and drafts by its normalised name", () => {
    const all = docs();
    const customer = capabilityKeyFor("Customer communication");
    const dms = capabilityKeyFor("DMS");
    expect(capabilitiesOf(all.get("v:service-advisor:1")!, "r-reception").map((c) => c.key)).toEqual([customer, dms]);
    expect(capabilitiesOf(all.get("v:service-advisor:2")!, "r-reception").map((c) => c.key)).toEqual([dms, customer]);
    const tech = all.get("v:technician:1")!;
    expect(capabilitiesOf(tech, "r-repairs").map((c) => c.key)).toEqual([customer, capabilityKeyFor("Diagnostics")]);
    expect(capabilitiesOf(tech, "r-safety").map((c) => c.key)).toEqual([customer]);
    // Twice in one responsibility: the second gets its own key, so a responsibility never lists a key twice.
    expect(capabilitiesOf(all.get("d:service-advisor")!, "r-reception").map((c) => c.key)).toEqual([dms, capabilityKeyFor("dms", 2), "kept-capability-key"]);
    expect(capabilityKeyFor("Customer communication")).not.toBe(criterionKeyFor("", "customer communication"));
  });

  it("runs once, and running it again (or its step on keyed documents) changes nothing", () => {
    const before = contents();
    const recorded = sqlite.prepare("select name, applied_at as at from data_migrations").all();
    expect(recorded).toEqual([{ name: "0005_role_item_keys", at: expect.any(String) }]);
    applyMigrations(sqlite);
    expect(contents()).toEqual(before);
    expect(sqlite.prepare("select name, applied_at as at from data_migrations").all()).toEqual(recorded);
    for (const content of before.values()) expect(keyRoleDocItems(content)).toBeNull();
  });

  it("leaves documents that need nothing, or that it cannot read, alone", () => {
    expect(keyRoleDocItems("not json")).toBeNull();
    expect(keyRoleDocItems(JSON.stringify({ title: "x" }))).toBeNull();
    expect(keyRoleDocItems(doc("x", [resp("r", { evaluation: [], capabilities: [] })]))).toBeNull();
  });
});
