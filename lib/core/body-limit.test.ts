import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, TOO_LARGE_MESSAGE } from "@/scripts/body-limit.mjs";
import { UPLOAD_MAX_BYTES } from "@/lib/capability/vocabulary";

describe("request body limit", () => {
  it("is Next's Server Action body limit too (next.config.ts), and leaves room for a 10 MB upload", () => {
    const config = fs.readFileSync(path.join(process.cwd(), "next.config.ts"), "utf8");
    const limit = /bodySizeLimit:\s*"(\d+)mb"/.exec(config)?.[1];
    expect(Number(limit) * 1024 * 1024).toBe(MAX_BODY_BYTES);
    expect(MAX_BODY_BYTES).toBeGreaterThan(UPLOAD_MAX_BYTES + 512 * 1024);
  });

  it("says the limit in the 413 answer", () => {
    expect(TOO_LARGE_MESSAGE).toContain(`${MAX_BODY_BYTES / 1024 / 1024} MB`);
    expect(TOO_LARGE_MESSAGE).toContain(`${UPLOAD_MAX_BYTES / 1024 / 1024} MB`);
  });
});
