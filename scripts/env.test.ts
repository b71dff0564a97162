import { describe, expect, it } from "vitest";
import { serverNodeArgs } from "./env.mjs";

const YOUNG = "--max-semi-space-size=8";

describe("serverNodeArgs (issue 15, point 6: the server's memory)", () => {
  it("caps the heap at 256 MB and the young generation's semi-spaces at 8 MB by default", () => {
    expect(serverNodeArgs({})).toEqual(["--max-old-space-size=256", YOUNG]);
  });
  it("takes ROLEBOOK_HEAP_MB, ignores nonsense, and leaves an explicit NODE_OPTIONS cap alone", () => {
    expect(serverNodeArgs({ ROLEBOOK_HEAP_MB: "512" })).toEqual(["--max-old-space-size=512", YOUNG]);
    expect(serverNodeArgs({ ROLEBOOK_HEAP_MB: "lots" })).toEqual([YOUNG]);
    expect(serverNodeArgs({ ROLEBOOK_HEAP_MB: "8" })).toEqual([YOUNG]);
    expect(serverNodeArgs({ NODE_OPTIONS: "--max-old-space-size=2048" })).toEqual([YOUNG]);
  });
  it("leaves a semi-space size given in NODE_OPTIONS alone", () => {
    expect(serverNodeArgs({ NODE_OPTIONS: "--max-semi-space-size=32" })).toEqual(["--max-old-space-size=256"]);
  });
});
