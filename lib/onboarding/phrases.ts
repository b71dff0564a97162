import type { TemplatePhrases } from "@/lib/onboarding/rules";
import type { CheckinMilestone } from "@/lib/onboarding/vocabulary";

type Translate = (key: string, values?: Record<string, string>) => string;

const CHECKIN_KEYS: Record<CheckinMilestone, string> = {
  day1: "checkinDay1",
  week1: "checkinWeek1",
  day30: "checkinDay30",
  day60: "checkinDay60",
  day90: "checkinDay90",
};

/** The wording of generated template items, from the "onboarding.generated" messages. */
export function templatePhrases(t: Translate): TemplatePhrases {
  return {
    readRole: t("readRole"),
    readRoleDescription: t("readRoleDescription"),
    shadow: (responsibility) => t("shadow", { responsibility }),
    shadowDescription: t("shadowDescription"),
    doWatched: (responsibility) => t("doWatched", { responsibility }),
    doWatchedDescription: t("doWatchedDescription"),
    account: t("account"),
    accountDescription: t("accountDescription"),
    equipment: t("equipment"),
    equipmentDescription: t("equipmentDescription"),
    tool: (tool) => t("tool", { tool }),
    toolDescription: t("toolDescription"),
    welcome: t("welcome"),
    welcomeDescription: t("welcomeDescription"),
    checkin: (milestone) => t(CHECKIN_KEYS[milestone]),
    checkinDescription: t("checkinDescription"),
    course: (course) => t("course", { course }),
    courseDescription: t("courseDescription"),
  };
}

/** A translator over plain messages with {name} placeholders (for scripts outside Next, e.g. the seed). */
export function simpleTranslator(messages: Record<string, string>): Translate {
  return (key, values = {}) => (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

export type StoredItemText = { title: string; description: string; genKey: string | null; genParams: string | null; edited: boolean };

function params(json: string | null): Record<string, string> {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * What a template or plan item reads as, in the reader's language: a generated item is worded
 * from its generation key and parameters; an item edited by hand, made by hand, or of an unknown
 * key shows the text stored with it.
 */
export function itemText(item: StoredItemText, phrases: TemplatePhrases): { title: string; description: string } {
  const stored = { title: item.title, description: item.description };
  if (item.edited || !item.genKey) return stored;
  const [kind, rest] = [item.genKey.split(":", 1)[0], item.genKey.slice(item.genKey.indexOf(":") + 1)];
  const p = params(item.genParams);
  switch (kind) {
    case "hr":
      if (rest === "account") return { title: phrases.account, description: phrases.accountDescription };
      if (rest === "equipment") return { title: phrases.equipment, description: phrases.equipmentDescription };
      return stored;
    case "tool":
      return typeof p.tool === "string" ? { title: phrases.tool(p.tool), description: phrases.toolDescription } : stored;
    case "manager":
      return rest === "welcome" ? { title: phrases.welcome, description: phrases.welcomeDescription } : stored;
    case "read-role":
      return { title: phrases.readRole, description: phrases.readRoleDescription };
    case "shadow":
      return typeof p.responsibility === "string" ? { title: phrases.shadow(p.responsibility), description: phrases.shadowDescription } : stored;
    case "do":
      return typeof p.responsibility === "string" ? { title: phrases.doWatched(p.responsibility), description: phrases.doWatchedDescription } : stored;
    case "course":
      return typeof p.course === "string" ? { title: phrases.course(p.course), description: phrases.courseDescription } : stored;
    case "checkin":
      return rest in CHECKIN_KEYS ? { title: phrases.checkin(rest as CheckinMilestone), description: phrases.checkinDescription } : stored;
    default:
      return stored;
  }
}
