import { describe, expect, it } from "vitest";
import { serverNodeArgs } from "./env.mjs";

describe("serverNodeArgs (issue 15, point 6: the server's memory)", () => {
  it("caps the heap at 256 MB by default", () => {
    expect(serverNodeArgs({})).toEqual(["--max-old-space-size=256"]);
  });
  it("takes ROLEBOOK_HEAP_MB, ignores nonsense, and leaves an explicit NODE_OPTIONS cap alone", () => {
    expect(serverNodeArgs({ ROLEBOOK_HEAP_MB: "512" })).toEqual(["--max-old-space-size=512"]);
    expect(serverNodeArgs({ ROLEBOOK_HEAP_MB: "lots" })).toEqual([]);
    expect(serverNodeArgs({ ROLEBOOK_HEAP_MB: "8" })).toEqual([]);
    expect(serverNodeArgs({ NODE_OPTIONS: "--max-old-space-size=2048" })).toEqual([]);
  });
});
