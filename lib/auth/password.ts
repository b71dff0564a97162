import { hash, verify, type Options } from "@node-rs/argon2";

/** OWASP's argon2id recommendation: m=19456 KiB, t=2, p=1. */
export const ARGON2_OPTIONS: Options = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, which isolatedModules cannot read) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * For an unknown email, spend the same time as a real check, so response time does not reveal
 * whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("rolebook-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
