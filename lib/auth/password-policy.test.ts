import { describe, expect, it } from "vitest";
import { passwordProblem, personWords } from "./password-policy";

/** The new-password rule (issue 14 point 3): length, then zxcvbn-ts with the common-password lists. */
describe("passwordProblem", () => {
  it("refuses fewer than 12 characters (counted as characters, not bytes) and more than 1000", async () => {
    expect(await passwordProblem("abcdefghijk")).toBe("passwordTooShort");
    expect(await passwordProblem("çğışöüçğışö")).toBe("passwordTooShort");
    expect(await passwordProblem("x".repeat(1001))).toBe("passwordTooLong");
  });

  it("refuses common and breached passwords even when long enough", async () => {
    for (const p of ["password1234", "Password1234!", "qwertyuiop123", "iloveyou12345", "123456789012", "aaaaaaaaaaaa"]) expect(await passwordProblem(p), p).toBe("passwordTooCommon");
  });

  it("refuses a password built from the person's own name or email", async () => {
    const me = ["Ieva Kalna", "ieva.kalna@example.com"];
    expect(await passwordProblem("IevaKalna2024!", me)).toBe("passwordTooCommon");
    expect(await passwordProblem("ieva kalna 1990", me)).toBe("passwordTooCommon");
    // The same words are fine for someone else.
    expect(await passwordProblem("IevaKalna2024!", ["Daan Visser", "daan.visser@example.com"])).toBeNull();
  });

  it("accepts a passphrase of unrelated words, with no composition rules", async () => {
    expect(await passwordProblem("correct horse battery staple")).toBeNull();
    expect(await passwordProblem("trombone lantern quietly", ["Ieva Kalna", "ieva.kalna@example.com"])).toBeNull();
  });

  it("splits names and emails into the words that count as known", async () => {
    expect(personWords(["Ieva Kalna", "Ieva.Kalna@Example.com"])).toEqual(expect.arrayContaining(["ieva", "kalna", "example", "ieva.kalna", "example.com"]));
  });
});
