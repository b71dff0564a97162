import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { openItemCount } from "@/lib/communication/answers";
import { questionsToAnswerCount } from "@/lib/communication/questions";
import { inboxCount } from "@/lib/concerns/read";
import { todayIso } from "@/lib/core/dates";
import { versionedCache } from "@/lib/core/versioned-cache";
import { evaluationsDueCount } from "@/lib/evaluations/due";
import { evaluationsWaitingCount } from "@/lib/evaluations/read";
import { followupsWaitingCount } from "@/lib/feedback/followups";
import { liveNotificationState } from "@/lib/notifications/live";
import { onboardingDutyCount, supportsOpenPlan } from "@/lib/onboarding/lists";

export type NavigationCounts = {
  /** Changes and announcements the person still has to answer. */
  openItems: number;
  /** Questions waiting for the person's answer (by the reply rule itself). */
  questions: number;
  /** Whether "Questions" is in the person's navigation (they may answer some, even with none waiting). */
  answersQuestions: boolean;
  /** The bell: unread notifications and the newest one's id (for the live poll). */
  unread: number;
  latestId: number;
  /** Concerns waiting for the person's answer. */
  concernsWaiting: number;
  /** Evaluations due (overdue or within 30 days) among the people the person evaluates. */
  evaluationsDue: number;
  /** Evaluations waiting on the person: a self-assessment, an answer, a question to reply to, a review. */
  evaluationsWaiting: number;
  /** Follow-ups of low ratings the person owns or was handed. */
  followupsWaiting: number;
  /** Onboarding items the person owes (for those who do not manage onboarding). */
  duties: number;
  /** Whether "Onboarding tasks" is in the navigation: something owed, or a plan the person supports. */
  supports: boolean;
};

function computeCounts(actor: Actor, today: string): NavigationCounts {
  const questions = questionsToAnswerCount(actor);
  const live = liveNotificationState(actor);
  const manages = can(actor, "onboarding.manage");
  const duties = manages ? 0 : onboardingDutyCount(actor);
  return {
    openItems: openItemCount(actor),
    questions,
    answersQuestions: questions > 0 || can(actor, "communication.oversee") || can(actor, "roles.edit") || can(actor, "announcements.create"),
    unread: live.unread,
    latestId: live.latestId,
    concernsWaiting: inboxCount(actor),
    evaluationsDue: evaluationsDueCount(actor, today),
    evaluationsWaiting: evaluationsWaitingCount(actor),
    followupsWaiting: can(actor, "followups.handle") ? followupsWaitingCount(actor) : 0,
    duties,
    // Buddies and named plan managers reach their tasks and plans even when nothing is due.
    supports: !manages && (duties > 0 || supportsOpenPlan(actor)),
  };
}

/** One entry per recently active person; a person's counts are recomputed once anything is written. */
const cache = versionedCache<NavigationCounts>(2000);

/**
 * The navigation's badges for the actor, asked on every portal page (issue 15): at 10,000 people
 * they cost HR or a manager about 10 ms of queries, so they are kept until the database changes
 * (`versionedCache`), per person as they are now (the key holds every field of the actor, so a new
 * role or team reads afresh) and per organisation day (what is due moves with the date).
 */
export function navigationCounts(actor: Actor, today = todayIso()): NavigationCounts {
  return cache.get(`${today}|${JSON.stringify(actor)}`, () => computeCounts(actor, today));
}
