import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { pulseSends, teams } from "@/db/schema";
import { answerPulse, getPulseForm, hasOpenPulse, myAnsweredPulses, myOpenPulses, type PulseAnswerInput } from "@/lib/pulse/answer";
import { findPulseTeams, listPulseRounds, previewPulseRound, pulseSendOptions, pulseTeamName, sendPulseRound } from "@/lib/pulse/send";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, idOf, MGR, NORA, notFound, refusals, type RefusalCase, SEED_TIMEOUT, STRANGER, SUP } from "@/lib/test/refusals";

/** Refusals of the role-clarity pulse: sending (HR only) and answering (one's own send, once) (harness: lib/test/refusals.ts). */

const teamIdOf = (slug: string) => getDb().select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get()!.id;
const good: PulseAnswerInput = { scores: { expected: 4, how: 4, wrong: 3, judged: 2, resources: 5 } };

let answered: number;
let open: number;
beforeAll(async () => {
  await useSeededTestDb();
  const hr = actorFor(HR);
  const elifSend = (roundId: number) =>
    getDb()
      .select({ id: pulseSends.id })
      .from(pulseSends)
      .where(and(eq(pulseSends.roundId, roundId), eq(pulseSends.personId, idOf(EMP))))
      .get()!.id;
  answered = elifSend(sendPulseRound(hr, { teamId: teamIdOf("reception") }).roundId);
  answerPulse(actorFor(EMP), answered, good);
  open = elifSend(sendPulseRound(hr, { teamId: teamIdOf("reception") }).roundId);
}, SEED_TIMEOUT);

const round = () => ({ type: "pulse_round" });
const send = () => ({ type: "pulse_send" });
const elifsOpen = () => ({ type: "pulse_send", id: open });
const workshop = () => ({ teamId: teamIdOf("workshop") });

const cases: RefusalCase[] = [
  // ---------- sending (pulse.send: HR) ----------
  ...forbidden("sendPulseRound", [MGR, SUP, EMP, STRANGER], (a) => sendPulseRound(a, workshop()), "pulse.send", round),
  ...forbidden("previewPulseRound", [MGR, EMP], (a) => previewPulseRound(a, workshop()), "pulse.send", round),
  ...forbidden("listPulseRounds", [MGR, EMP], (a) => listPulseRounds(a), "pulse.send", round),
  ...forbidden("pulseSendOptions", [SUP, EMP], (a) => pulseSendOptions(a), "pulse.send", round),
  ...forbidden("findPulseTeams", [MGR, SUP, EMP], (a) => findPulseTeams(a, "Workshop"), "pulse.send", round),
  ...forbidden("pulseTeamName", [MGR, SUP, EMP], (a) => pulseTeamName(a, workshop().teamId!), "pulse.send", round),
  { name: "sendPulseRound: HR must choose a team or a role", as: HR, call: (a) => sendPulseRound(a, {}), expect: "field", fieldErrors: { teamId: "pulse.chooseTarget" } },
  { name: "sendPulseRound: a team that does not exist", as: HR, call: (a) => sendPulseRound(a, { teamId: 99_999 }), expect: "field", fieldErrors: { teamId: "invalidChoice" } },
  { name: "sendPulseRound: a role that does not exist", as: HR, call: (a) => sendPulseRound(a, { jobRoleId: 99_999 }), expect: "field", fieldErrors: { jobRoleId: "invalidChoice" } },
  {
    name: "sendPulseRound: a team where everyone already has an unanswered pulse reaches nobody",
    as: HR,
    call: (a) => sendPulseRound(a, { teamId: teamIdOf("reception") }),
    expect: "field",
    fieldErrors: { _form: "pulse.nobodyToSend" },
  },
  { name: "positive: HR previews a round to the workshop", as: HR, call: (a) => previewPulseRound(a, workshop()).recipients, expect: (n: number) => expect(n).toBeGreaterThan(0) },

  // ---------- answering (pulse.answer: everyone, their own sends) ----------
  ...forbidden("myOpenPulses", [STRANGER], (a) => myOpenPulses(a), "pulse.answer", send),
  ...forbidden("hasOpenPulse", [STRANGER], (a) => hasOpenPulse(a), "pulse.answer", send),
  ...forbidden("myAnsweredPulses", [STRANGER], (a) => myAnsweredPulses(a), "pulse.answer", send),
  ...forbidden("answerPulse", [STRANGER], (a) => answerPulse(a, open, good), "pulse.answer", send),
  notFound("answerPulse: Nora may not answer Elif's pulse", NORA, (a) => answerPulse(a, open, good), elifsOpen, "ownRows"),
  notFound("answerPulse: HR may not answer Elif's pulse", HR, (a) => answerPulse(a, open, good), elifsOpen, "ownRows"),
  notFound("getPulseForm: Elif's manager may not open her pulse", MGR, (a) => getPulseForm(a, open), elifsOpen, "ownRows"),
  notFound("answerPulse: a pulse that does not exist", EMP, (a) => answerPulse(a, 999_999, good), null),
  { name: "answerPulse: a score above the scale", as: EMP, call: (a) => answerPulse(a, open, { scores: { ...good.scores, judged: 6 } }), expect: "field", fieldErrors: { judged: "pulse.outOfScale" } },
  { name: "answerPulse: a score below the scale", as: EMP, call: (a) => answerPulse(a, open, { scores: { ...good.scores, expected: 0 } }), expect: "field", fieldErrors: { expected: "pulse.outOfScale" } },
  { name: "answerPulse: a statement left unanswered", as: EMP, call: (a) => answerPulse(a, open, { scores: { ...good.scores, how: undefined } }), expect: "field", fieldErrors: { how: "pulse.chooseAnswer" } },
  {
    name: "answerPulse: a least-clear responsibility that is not the role's",
    as: EMP,
    call: (a) => answerPulse(a, open, { ...good, leastClearKey: "not-a-responsibility" }),
    expect: "field",
    fieldErrors: { leastClearKey: "pulse.notYourResponsibility" },
  },
  { name: "answerPulse: answering the same pulse twice", as: EMP, call: (a) => answerPulse(a, answered, good), expect: "field", fieldErrors: { _form: "pulse.alreadyAnswered" } },
  { name: "hasOpenPulse: other people's open pulses do not count for HR", as: HR, call: (a) => hasOpenPulse(a), expect: (b: boolean) => expect(b).toBe(false) },
  { name: "myAnsweredPulses: Nora sees none of Elif's answered pulses", as: NORA, call: (a) => myAnsweredPulses(a).rows, expect: (r: unknown[]) => expect(r).toEqual([]) },
  { name: "myOpenPulses: Nora sees only her own", as: NORA, call: (a) => myOpenPulses(a).map((p) => p.id), expect: (ids: number[]) => expect(ids).not.toContain(open) },
  { name: "positive: Elif sees her open pulse", as: EMP, call: (a) => myOpenPulses(a).map((p) => p.id), expect: (ids: number[]) => expect(ids).toEqual([open]) },
  { name: "positive: Elif answers her open pulse", as: EMP, call: (a) => answerPulse(a, open, good), expect: (r: unknown) => expect(r).toEqual({ answered: true }), changes: ["pulse_answers", "pulse_sends"] },
];

describe("refusals: pulse", () => {
  refusals(cases);
});
