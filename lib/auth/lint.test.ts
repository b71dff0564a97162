import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The build fails (npm test runs eslint with --max-warnings=0) when code outside lib/auth/ decides
// by app role, or a route reaches the database directly. These cases prove the rules fire.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? "");
}

const decl = `type A = { id: number; appRole: "hr_admin" | "manager" | "supervisor" | "employee" };\ndeclare const actor: A;\n`;

describe("lint: authorization stays in the policy", () => {
  // Loading the project's ESLint config (Next's presets) takes a few seconds, once.
  beforeAll(async () => {
    await eslint.lintText("export {};\n", { filePath: "lib/warm-up.ts" });
  }, 60_000);

  const outside = [
    ["an equality test", `${decl}export const x = actor.appRole === "hr_admin";\n`],
    ["an inequality test", `${decl}export const x = actor.appRole !== "employee";\n`],
    ["a switch", `${decl}export function f() {\n  switch (actor.appRole) {\n    default:\n      return 1;\n  }\n}\n`],
    ["an includes", `${decl}export const x = ["hr_admin", "manager"].includes(actor.appRole);\n`],
    ["a query filter", `${decl}declare function eq(a: unknown, b: unknown): unknown;\nexport const x = eq(actor.appRole, "hr_admin");\n`],
    ["can with a role", `${decl}declare function can(a: unknown, b: string): boolean;\nexport const x = can(actor.appRole, "people.read");\n`],
  ] as const;

  for (const [name, code] of outside) {
    it(`refuses ${name} on an app role in lib/`, async () => {
      expect(await ruleIds(code, "lib/people/example.ts")).toContain("no-restricted-syntax");
    });
  }

  it("refuses the same in a page", async () => {
    expect(await ruleIds(outside[0][1], "app/(portal)/example/page.tsx")).toContain("no-restricted-syntax");
  });

  it("allows it inside lib/auth/, the policy module", async () => {
    expect(await ruleIds(outside[0][1], "lib/auth/example.ts")).not.toContain("no-restricted-syntax");
  });

  it("refuses a route that imports from db/", async () => {
    const code = `import { people } from "@/db/schema";\nexport const x = people;\n`;
    expect(await ruleIds(code, "app/(portal)/example/page.tsx")).toContain("no-restricted-imports");
    expect(await ruleIds(code, "components/example.tsx")).toContain("no-restricted-imports");
  });

  it("refuses reading the permission table outside the policy", async () => {
    const code = `import { PERMISSION_TABLE } from "@/lib/auth/permissions";\nexport const x = PERMISSION_TABLE;\n`;
    expect(await ruleIds(code, "lib/people/example.ts")).toContain("no-restricted-imports");
    expect(await ruleIds(code, "lib/auth/example.ts")).not.toContain("no-restricted-imports");
  });
});
