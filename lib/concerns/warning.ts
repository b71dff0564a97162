import { ANONYMITY_WARN_BELOW, type ConcernAudience } from "@/lib/confidence/vocabulary";

/*
 * The raise form's anonymity warnings (issue 10 point 2), pure so the form computes them as the
 * author changes their choices and a unit test checks them. Nothing here is "server-only".
 */

export type AnonymityWarning = { kind: "team"; count: number } | { kind: "role"; count: number; role: string };

export type WarningInput = {
  anonymous: boolean;
  /** The chosen audience, with the size of the team the readers could think it came from. */
  chosen: { audience: ConcernAudience; teamSize: number; role?: { id: number } | null } | null;
  /** The author's role and how many active people hold it. */
  role: { id?: number; title: string; holders: number } | null;
  /** A responsibility or task of the author's role is chosen (the concern then stores the role). */
  linked: boolean;
};

/**
 * What an anonymous author is warned about: the audience's team has fewer than 5 people, and/or the
 * concern will name the author's role (a link is chosen) while fewer than 5 people hold it. Addressed
 * to the owner of the author's own role, the audience's group already is the role's holders, so the
 * role is not warned twice (addressed to another role's owner, it is).
 */
export function anonymityWarnings({ anonymous, chosen, role, linked }: WarningInput): AnonymityWarning[] {
  if (!anonymous) return [];
  const out: AnonymityWarning[] = [];
  if (chosen && chosen.teamSize < ANONYMITY_WARN_BELOW) out.push({ kind: "team", count: chosen.teamSize });
  const toOwnRoleOwner = chosen?.audience === "role_owner" && (!chosen.role || chosen.role.id === role?.id);
  if (linked && role && role.holders < ANONYMITY_WARN_BELOW && !toOwnRoleOwner) out.push({ kind: "role", count: role.holders, role: role.title });
  return out;
}
