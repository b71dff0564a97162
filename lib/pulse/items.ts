/**
 * The role-clarity pulse as a form: five statements written for Rolebook (what makes a role clear),
 * each answered on a 5-point agree scale, and one optional question, "Which of your
 * responsibilities is least clear to you?". Pure values; the words are under `pulse.items.*`,
 * `pulse.scale.*` and `pulse.leastClear*` in every locale.
 */
import { PULSE_ITEMS, PULSE_SCALE_MAX, PULSE_SCALE_MIN, type PulseItem } from "@/lib/confidence/vocabulary";

export { PULSE_ITEMS, type PulseItem };

/** The agree scale, 1 (strongly disagree) … 5 (strongly agree); labels at `pulse.scale.<n>`. */
export const PULSE_SCALE: readonly number[] = Array.from({ length: PULSE_SCALE_MAX - PULSE_SCALE_MIN + 1 }, (_, i) => PULSE_SCALE_MIN + i);

/** Automatic sends: onboarding days after a plan's start, and days after a material role change. */
export const ONBOARDING_PULSE_DAYS = [30, 60, 90] as const;
export const ROLE_CHANGE_PULSE_DAYS = 14;
/**
 * How long an automatic send stays due after its day: the scheduler's daily job sends it (lib/jobs),
 * and a day it missed (the server was down) is still sent later, but a plan or a change from long ago
 * (or older than this feature) does not suddenly send pulses nobody would understand.
 */
export const PULSE_SEND_GRACE_DAYS = 14;

export function isPulseScore(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= PULSE_SCALE_MIN && v <= PULSE_SCALE_MAX;
}

