import "server-only";
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { RECEIPT_CODE_LENGTH } from "@/lib/confidence/vocabulary";

/**
 * Receipt codes for anonymous concerns: shown to the author once, stored only as a hash. A code is
 * RECEIPT_CODE_LENGTH characters from a 31-letter alphabet without look-alikes (0/O, 1/I/L), so
 * 99 bits of randomness: a fast hash (SHA-256) is enough, nobody can try 2^99 codes.
 * Shown in groups of four ("K7MQ-…"); dashes, spaces and case are ignored when it is typed back.
 */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function newReceiptCode(): string {
  let code = "";
  for (let i = 0; i < RECEIPT_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.match(/.{1,4}/g)!.join("-");
}

/** The code as typed, reduced to its characters (upper case, no separators). */
export function normalizeReceiptCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Hex SHA-256 of the normalized code: what the database stores and looks up. */
export function hashReceiptCode(input: string): string {
  return createHash("sha256").update(normalizeReceiptCode(input)).digest("hex");
}

/** Constant-time comparison of a typed code with a stored hash. */
export function receiptMatches(input: string, storedHash: string): boolean {
  const a = Buffer.from(hashReceiptCode(input), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
