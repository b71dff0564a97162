import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { acknowledgements, announcements, concerns, evaluations, jobRoles, onboardings, people, ratingFollowups, ratings, roleVersions, taskTransfers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can, evaluationsCondition, mayTrackAnnouncement, plansScope } from "@/lib/auth/policy";
import { concernsCondition } from "@/lib/auth/confidence-policy";
import { followupsCondition, mayManageIntegrations } from "@/lib/auth/feedback-policy";
import { peopleScope } from "@/lib/auth/scope";
import { foldForSearch } from "@/lib/core/search-text";
import type { AuditSubject } from "@/lib/audit/sentences";
import { organisationSettings } from "@/lib/org/settings";
import { capabilityNames } from "@/lib/capability/directory";
import { containsText } from "@/lib/core/like";

/*
 * The reads behind the audit log's names, links and Person search, each narrowed by the policy to
 * what the reader may see. The log itself is HR's (audit.read, checked by lib/audit/browse.ts);
 * these take any actor so the narrowing is tested on its own (lib/auth/audit-scope.test.ts).
 */


/** People in the actor's scope whose name or email contains the text (folded), at most `limit`. */
export function peopleMatching(actor: Actor, text: string, limit: number) {
  return getDb()
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(peopleScope(actor), containsText(people.searchText, foldForSearch(text))))
    .orderBy(asc(people.name), asc(people.id))
    .limit(limit)
    .all();
}

/** One person in the actor's scope, or null. */
export function personInScope(actor: Actor, id: number): { id: number; name: string; email: string } | null {
  return (
    getDb()
      .select({ id: people.id, name: people.name, email: people.email })
      .from(people)
      .where(and(eq(people.id, id), peopleScope(actor)))
      .get() ?? null
  );
}

const numericIds = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v != null && /^[1-9][0-9]*$/.test(v)).map(Number))];

export type AuditEntryRef = { action: string; entityType: string; entityId: string | null; detail: Record<string, unknown> };

/**
 * Names and links for the records of one page of entries: one query per record type (never one per
 * entry), each narrowed to what the reader may see. A record that is gone or out of reach has no
 * name and no link.
 */
export function auditSubjects(actor: Actor, rows: AuditEntryRef[]): (row: AuditEntryRef) => AuditSubject {
  const db = getDb();
  const idsOf = (...types: string[]) => numericIds(rows.filter((r) => types.includes(r.entityType)).map((r) => r.entityId));

  const personIds = idsOf("person");
  const persons = new Map(
    personIds.length
      ? db
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(inArray(people.id, personIds), peopleScope(actor)))
          .all()
          .map((p) => [p.id, p.name])
      : [],
  );
  const mayOpenPeople = can(actor, "people.read");
  const maySettings = can(actor, "organisation.manage");
  const orgName = rows.some((r) => r.entityType === "organisation") ? organisationSettings().name || null : null;

  const roleIds = idsOf("job_role", "role", "onboarding_template");
  const versionIds = idsOf("role_version");
  const slugs = [
    ...new Set(
      rows
        .filter((r) => r.entityType === "job_posting" || (r.entityType === "role_version" && r.entityId?.includes("@")))
        .map((r) => (r.entityId ?? "").split("@")[0])
        .filter(Boolean),
    ),
  ];
  const roleCols = { id: jobRoles.id, slug: jobRoles.slug, title: jobRoles.title };
  const rolesById = new Map(roleIds.length ? db.select(roleCols).from(jobRoles).where(inArray(jobRoles.id, roleIds)).all().map((r) => [r.id, r]) : []);
  const rolesBySlug = new Map(slugs.length ? db.select(roleCols).from(jobRoles).where(inArray(jobRoles.slug, slugs)).all().map((r) => [r.slug, r]) : []);

  const acks = new Map(
    idsOf("acknowledgement").length
      ? db
          .select({
            id: acknowledgements.id,
            announcementId: acknowledgements.announcementId,
            roleVersionId: acknowledgements.roleVersionId,
          })
          .from(acknowledgements)
          .where(inArray(acknowledgements.id, idsOf("acknowledgement")))
          .all()
          .map((a) => [a.id, a])
      : [],
  );
  const transfers = new Map(
    idsOf("task_transfer").length
      ? db
          .select({ id: taskTransfers.id, title: taskTransfers.taskTitle, announcementId: taskTransfers.announcementId })
          .from(taskTransfers)
          .where(inArray(taskTransfers.id, idsOf("task_transfer")))
          .all()
          .map((t) => [t.id, t])
      : [],
  );
  const allVersionIds = [...new Set([...versionIds, ...[...acks.values()].map((a) => a.roleVersionId).filter((v): v is number => v != null)])];
  const versions = new Map(
    allVersionIds.length
      ? db
          .select({ id: roleVersions.id, number: roleVersions.number, slug: jobRoles.slug, title: jobRoles.title })
          .from(roleVersions)
          .innerJoin(jobRoles, eq(jobRoles.id, roleVersions.jobRoleId))
          .where(inArray(roleVersions.id, allVersionIds))
          .all()
          .map((v) => [v.id, v])
      : [],
  );
  const announcementIds = [
    ...new Set([
      ...idsOf("announcement"),
      ...[...acks.values()].map((a) => a.announcementId),
      ...[...transfers.values()].map((t) => t.announcementId),
    ].filter((v): v is number => v != null)),
  ];
  const anns = new Map(
    announcementIds.length
      ? db
          .select({ id: announcements.id, title: announcements.title, authorId: announcements.authorId })
          .from(announcements)
          .where(inArray(announcements.id, announcementIds))
          .all()
          .map((a) => [a.id, { ...a, href: mayTrackAnnouncement(actor, a) ? `/announcements/${a.id}` : null }])
      : [],
  );
  const planIds = idsOf("onboarding");
  const plans = new Map(
    planIds.length
      ? db
          .select({ id: onboardings.id, name: people.name })
          .from(onboardings)
          .innerJoin(people, eq(people.id, onboardings.personId))
          .where(and(inArray(onboardings.id, planIds), plansScope(actor)))
          .all()
          .map((p) => [p.id, p.name])
      : [],
  );
  const evaluationIds = idsOf("evaluation");
  const evals = new Map(
    evaluationIds.length
      ? db
          .select({ id: evaluations.id, name: people.name })
          .from(evaluations)
          .innerJoin(people, eq(people.id, evaluations.personId))
          .where(and(inArray(evaluations.id, evaluationIds), evaluationsCondition(actor)))
          .all()
          .map((e) => [e.id, e.name])
      : [],
  );
  const concernIds = [...new Set(rows.filter((r) => r.entityType === "concern" && r.entityId).map((r) => r.entityId!))];
  const concernNames = new Map(
    concernIds.length
      ? db
          .select({ id: concerns.id, excerpt: sql<string>`substr(${concerns.body}, 1, 60)` })
          .from(concerns)
          .where(and(inArray(concerns.id, concernIds), concernsCondition(actor)))
          .all()
          .map((c) => [c.id, c.excerpt])
      : [],
  );

  // Follow-ups of low ratings: named by the rated person, for readers who may see the follow-up.
  const followupIds = idsOf("rating_followup");
  const followupNames = new Map(
    followupIds.length
      ? db
          .select({ id: ratingFollowups.id, name: people.name })
          .from(ratingFollowups)
          .innerJoin(ratings, eq(ratings.id, ratingFollowups.ratingId))
          .innerJoin(people, eq(people.id, ratings.personId))
          .where(and(inArray(ratingFollowups.id, followupIds), followupsCondition(actor)))
          .all()
          .map((f) => [f.id, f.name])
      : [],
  );

  // Capability records: everyone signed in may open one (roles.read), so the link needs no further check.
  const capabilityName = capabilityNames(rows.filter((r) => r.entityType === "capability" && r.entityId).map((r) => r.entityId!));

  // Every app role may read the role catalogue (roles.read), so role and version links need no check.
  const versionSubject = (type: string, id: string | null, v: { slug: string; title: string; number: number } | undefined): AuditSubject =>
    v
      ? { kind: "version", type, id, name: v.title, version: v.number, href: `/roles/${v.slug}/versions/${v.number}` }
      : { kind: "version", type, id, name: null, href: null };

  return (row) => {
    const { entityType: type, entityId: id } = row;
    const n = id && /^[1-9][0-9]*$/.test(id) ? Number(id) : null;
    switch (type) {
      case "person": {
        const name = n != null ? persons.get(n) : undefined;
        return { kind: "person", type, id, name: name ?? null, href: name != null && mayOpenPeople ? `/people/${n}` : null };
      }
      case "job_role":
      case "role":
      case "onboarding_template":
      case "job_posting": {
        const role = type === "job_posting" ? rolesBySlug.get(id ?? "") : n != null ? rolesById.get(n) : undefined;
        if (!role) return { kind: "role", type, id, name: null, href: null };
        const version = row.action === "role.publish" && typeof row.detail.version === "number" ? row.detail.version : null;
        if (version != null) return versionSubject(type, id, { slug: role.slug, title: role.title, number: version });
        const onboardingPage = type === "onboarding_template" || row.action.startsWith("template.");
        return { kind: "role", type, id, name: role.title, href: `/roles/${role.slug}${onboardingPage ? "/onboarding" : ""}` };
      }
      case "role_version": {
        if (id?.includes("@")) {
          const [slug, number] = id.split("@");
          const role = rolesBySlug.get(slug);
          return versionSubject(type, id, role && /^[0-9]+$/.test(number) ? { ...role, number: Number(number) } : undefined);
        }
        return versionSubject(type, id, n != null ? versions.get(n) : undefined);
      }
      case "announcement": {
        const a = n != null ? anns.get(n) : undefined;
        return { kind: "announcement", type, id, name: a?.title ?? null, href: a?.href ?? null };
      }
      case "acknowledgement": {
        const ack = n != null ? acks.get(n) : undefined;
        if (ack?.announcementId != null) {
          const a = anns.get(ack.announcementId);
          return { kind: "announcement", type, id, name: a?.title ?? null, href: a?.href ?? null };
        }
        return versionSubject(type, id, ack?.roleVersionId != null ? versions.get(ack.roleVersionId) : undefined);
      }
      case "task_transfer": {
        const tr = n != null ? transfers.get(n) : undefined;
        const a = tr?.announcementId != null ? anns.get(tr.announcementId) : undefined;
        return { kind: "task", type, id, name: tr?.title ?? null, href: a?.href ?? null };
      }
      case "onboarding": {
        const name = n != null ? plans.get(n) : undefined;
        return { kind: "plan", type, id, name: name ?? null, href: name != null ? `/onboarding/${n}` : null };
      }
      case "evaluation": {
        const name = n != null ? evals.get(n) : undefined;
        return { kind: "evaluation", type, id, name: name ?? null, href: name != null ? `/evaluations/${n}` : null };
      }
      case "concern": {
        const name = id != null ? concernNames.get(id) : undefined;
        return { kind: "concern", type, id, name: name ?? null, href: name != null ? `/concerns/${id}` : null };
      }
      case "rating_followup": {
        const name = n != null ? followupNames.get(n) : undefined;
        return { kind: "record", type, id, name: name ?? null, href: name != null ? `/feedback/follow-ups/${n}` : null };
      }
      case "organisation":
        return { kind: "organisation", type, id: null, name: orgName, href: maySettings ? "/settings" : null };
      case "holiday": {
        // A holiday's name is public knowledge; the entry keeps it even after the holiday is removed.
        const name = typeof row.detail.name === "string" ? row.detail.name : null;
        return { kind: "record", type, id, name, href: maySettings ? "/settings/holidays" : null };
      }
      case "api_key":
      case "webhook": {
        // The key's name / the webhook's URL as written when it was made (never a key or a secret).
        const name = typeof row.detail.name === "string" ? row.detail.name : null;
        return { kind: "record", type, id, name, href: mayManageIntegrations(actor) ? "/settings/integrations" : null };
      }
      case "pulse_round": {
        // The round's target (team and/or role), as it read when sent.
        const name = typeof row.detail.title === "string" ? row.detail.title : null;
        return { kind: "record", type, id, name, href: can(actor, "pulse.send") ? "/pulse/send" : null };
      }
      case "capability": {
        const name = id != null ? capabilityName.get(id) : undefined;
        return { kind: "record", type, id, name: name ?? null, href: name != null ? `/capabilities/${encodeURIComponent(id!)}` : null };
      }
      default:
        return { kind: "record", type, id, name: null, href: null };
    }
  };
}

