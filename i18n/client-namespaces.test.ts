import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import committed from "./client-namespaces.json";
import en from "./messages/en.json";
import { analyseClientNamespaces, areaOf, declaredArea, namespacesFor, pickMessages, type ClientNamespaces } from "./client-namespaces";

const root = path.resolve(import.meta.dirname, "..");
const analysis = analyseClientNamespaces(root);

describe("the messages sent to the browser (i18n/client-namespaces.json)", () => {
  it("is up to date with the client components (run `npm run i18n:client` when this fails)", () => {
    expect(committed).toEqual(analysis.map);
  });

  it("can see every client translation: useTranslations always gets a literal namespace in client modules", () => {
    expect(analysis.unscoped).toEqual([]);
  });

  it("names only namespaces that exist in the messages", () => {
    const all = [...committed.global, ...Object.values(committed.areas).flat()];
    const missing = all.filter((ns) => ns.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], en) === undefined);
    expect(missing).toEqual([]);
  });

  it("has a layout providing them in every area that needs more than the global namespaces", () => {
    const missing = Object.keys(committed.areas).filter((area) => {
      const file = path.join(root, "app", area, "layout.tsx");
      if (!existsSync(file)) return true;
      const source = readFileSync(file, "utf8");
      return !source.includes(`areaLayout(${JSON.stringify(area)})`) && !source.includes(`<ScopedMessages area=${JSON.stringify(area)}>`);
    });
    expect(missing).toEqual([]);
  });

  it("every layout that provides messages names its own area", () => {
    const layouts: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name === "layout.tsx") layouts.push(path.join(dir, e.name));
      }
    };
    walk(path.join(root, "app"));
    const wrong = layouts.flatMap((file) => {
      const source = readFileSync(file, "utf8");
      const named = declaredArea(source);
      if (!named) return [];
      const area = areaOf(path.relative(root, file), analysis.nested);
      return named === area ? [] : [`${path.relative(root, file)} names ${named}, is ${area}`];
    });
    expect(layouts.length).toBeGreaterThan(Object.keys(committed.areas).length);
    expect(wrong).toEqual([]);
  });
});

describe("analyseClientNamespaces", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "client-ns-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, source: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  };
  write("app/layout.tsx", `import { Shell } from "@/components/shell";\nexport default function L() { return <Shell />; }\n`);
  write("components/shell.tsx", `"use client";\nimport { useTranslations } from "next-intl";\nexport function Shell() { useTranslations("shell"); return null; }\n`);
  write(
    "app/(portal)/roles/page.tsx",
    `import { useTranslations } from "next-intl";\nimport { Editor } from "./_components/editor";\nimport type { T } from "./_components/types";\nexport default function P() { useTranslations("serverOnly"); return <Editor />; }\n`,
  );
  write("app/(portal)/roles/_components/types.ts", `export type T = 1;\n`);
  write("app/(portal)/roles/_components/editor.tsx", `'use client';\nimport { useTranslations } from "next-intl";\nimport { Row } from "../../../../components/row";\nexport function Editor() { useTranslations("editor"); return <Row />; }\n`);
  write("components/row.tsx", `import { useTranslations } from "next-intl";\nexport function Row() { useTranslations("common.row"); return null; }\n`);
  write("components/unused.tsx", `"use client";\nimport { useTranslations } from "next-intl";\nexport function U() { useTranslations("unused"); useTranslations(name); return null; }\n`);
  // A deeper folder whose layout declares its own area; a component no route file imports.
  write("app/(portal)/people/page.tsx", `import { List } from "./_components/list";\nexport default function P() { return <List />; }\n`);
  write("app/(portal)/people/_components/list.tsx", `"use client";\nimport { useTranslations } from "next-intl";\nexport function List() { useTranslations("people.list"); return null; }\n`);
  write("app/(portal)/people/_components/form.tsx", `"use client";\nimport { useTranslations } from "next-intl";\nexport function Form() { useTranslations("people.form"); return null; }\n`);
  write("app/(portal)/people/_components/orphan.tsx", `"use client";\nimport { useTranslations } from "next-intl";\nexport function O() { useTranslations("people.orphan"); return null; }\n`);
  write("app/(portal)/people/[id]/edit/layout.tsx", `import { areaLayout } from "@/components/shell/scoped-messages";\nexport default areaLayout("(portal)/people/[id]/edit");\n`);
  write("app/(portal)/people/[id]/edit/page.tsx", `import { Form } from "../../_components/form";\nexport default function E() { return <Form />; }\n`);
  write("app/(portal)/(home)/page.tsx", `import { Shell } from "@/components/shell";\nexport default function H() { return <Shell />; }\n`);

  const { map, unscoped } = analyseClientNamespaces(dir);

  it("collects the namespaces of client modules and of what they import, per area", () => {
    expect(map.global).toEqual(["shell"]);
    // "serverOnly" runs on the server only; the row is a shared component imported by a client one.
    expect(map.areas["(portal)/roles"]).toEqual(["common.row", "editor"]);
    // An area that needs only global namespaces gets no entry (and needs no layout).
    expect(map.areas["(portal)/(home)"]).toBeUndefined();
    // A module no page imports provides nothing, but a call it cannot read is reported.
    expect(Object.values(map.areas).flat()).not.toContain("unused");
    expect(unscoped).toEqual([{ file: "components/unused.tsx", call: "name" }]);
  });

  it("gives a folder whose layout declares its own area only what its route files use", () => {
    expect(map.areas["(portal)/people"]).toEqual(["people.list"]);
    expect(map.areas["(portal)/people/[id]/edit"]).toEqual(["people.form"]);
    // A component under _components/ that no route file imports adds nothing to its folder's area.
    expect(Object.values(map.areas).flat()).not.toContain("people.orphan");
  });

  it("gives each file under app/ its area", () => {
    expect(areaOf("app/layout.tsx")).toBe("global");
    expect(areaOf("app/(portal)/layout.tsx")).toBe("global");
    expect(areaOf("app/(portal)/error.tsx")).toBe("global");
    expect(areaOf("app/(portal)/roles/[slug]/edit/page.tsx")).toBe("(portal)/roles");
    expect(areaOf("app/(portal)/(home)/page.tsx")).toBe("(portal)/(home)");
    expect(areaOf("app/invite/[token]/page.tsx")).toBe("invite");
    expect(areaOf("components/ui/form.tsx")).toBeNull();
    const nested = ["(portal)/roles/[slug]/edit"];
    expect(areaOf("app/(portal)/roles/[slug]/edit/page.tsx", nested)).toBe("(portal)/roles/[slug]/edit");
    expect(areaOf("app/(portal)/roles/[slug]/edit/x/page.tsx", nested)).toBe("(portal)/roles/[slug]/edit");
    expect(areaOf("app/(portal)/roles/[slug]/editor/page.tsx", nested)).toBe("(portal)/roles");
    expect(areaOf("app/(portal)/roles/[slug]/page.tsx", nested)).toBe("(portal)/roles");
  });
});

describe("pickMessages", () => {
  const messages = { shell: { home: "Home" }, onboarding: { plan: { tick: "Tick" }, new: { title: "New" }, other: "x" }, audit: { big: "…" } };

  it("keeps only the named namespaces, nested as in the file, without touching the file's objects", () => {
    const before = JSON.stringify(messages);
    const map: ClientNamespaces = { global: ["shell"], areas: { "(portal)/onboarding": ["onboarding.plan", "onboarding.new"] } };
    expect(pickMessages(messages, namespacesFor(map, "(portal)/onboarding"))).toEqual({
      shell: { home: "Home" },
      onboarding: { plan: { tick: "Tick" }, new: { title: "New" } },
    });
    expect(pickMessages(messages, namespacesFor(map, null))).toEqual({ shell: { home: "Home" } });
    // A namespace inside one already picked adds nothing and writes nothing.
    expect(pickMessages(messages, ["onboarding", "onboarding.plan"])).toEqual({ onboarding: messages.onboarding });
    expect(JSON.stringify(messages)).toBe(before);
  });
});
