import type { Actor } from "@/lib/auth/actor";

/** STUB: owned by its part of issue 14 (a section id="password" with a heading and its forms). */
export async function PasswordSection({ actor }: { actor: Actor }) {
  void actor;
  return null;
}
