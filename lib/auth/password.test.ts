import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("uses argon2id with the OWASP parameters (m=19456 KiB, t=2, p=1)", async () => {
    const hashed = await hashPassword("correct horse battery");
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hashed = await hashPassword("rolebook-demo");
    expect(await verifyPassword(hashed, "rolebook-demo")).toBe(true);
    expect(await verifyPassword(hashed, "rolebook-dem0")).toBe(false);
    expect(await verifyPassword(hashed, "")).toBe(false);
  });

  it("treats a malformed hash as a failed check, not a crash", async () => {
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });

  it("spends a real check on unknown accounts and always refuses", async () => {
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});
