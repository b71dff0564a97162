import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales, negotiateLocale } from "./config";

type Tree = { [k: string]: string | Tree };
const load = (l: string): Tree => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "messages", `${l}.json`), "utf8"));
const leaves = (t: Tree, prefix = ""): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
/** ICU argument names; a brace right after a plural/select branch key opens a branch, not an argument. */
const placeholders = (s: string) =>
  [...s.matchAll(/(?<!(?:=\d+|\b(?:zero|one|two|few|many|other))\s*)\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]);

const en = new Map(leaves(load("en")));

describe("locale files", () => {
  for (const locale of locales.filter((l) => l !== "en")) {
    const other = new Map(leaves(load(locale)));

    it(`${locale} has every English key and no extra key`, () => {
      expect([...en.keys()].filter((k) => !other.has(k))).toEqual([]);
      expect([...other.keys()].filter((k) => !en.has(k))).toEqual([]);
    });

    it(`${locale} keeps the placeholders of each message`, () => {
      for (const [key, value] of en) {
        const theirs = other.get(key);
        if (theirs === undefined) continue;
        expect(new Set(placeholders(theirs)), `${locale}:${key}`).toEqual(new Set(placeholders(value)));
      }
    });

    it(`${locale} is really translated, not a copy of English`, () => {
      const same = [...en].filter(([k, v]) => other.get(k) === v && v.length > 3 && !/^Rolebook/.test(v));
      expect(same.length / en.size).toBeLessThan(0.1);
    });
  }
});

describe("browser language", () => {
  it("picks the best supported language from Accept-Language", () => {
    expect(negotiateLocale("lv-LV,lv;q=0.9,en;q=0.8")).toBe("lv");
    expect(negotiateLocale("de-DE,nl;q=0.7,en;q=0.5")).toBe("nl");
    expect(negotiateLocale("fr;q=0.9, ro;q=0.95")).toBe("ro");
    expect(negotiateLocale("ja")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
  });
});
