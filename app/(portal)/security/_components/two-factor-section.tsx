import type { Actor } from "@/lib/auth/actor";

/** STUB: owned by its part of issue 14 (a section id="two-factor" with a heading and its forms). */
export async function TwoFactorSection({ actor }: { actor: Actor }) {
  void actor;
  return null;
}
