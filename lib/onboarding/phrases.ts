import type { TemplatePhrases } from "@/lib/onboarding/rules";

type Translate = (key: string, values?: Record<string, string>) => string;

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
  };
}

/** A translator over plain messages with {name} placeholders (for scripts outside Next, e.g. the seed). */
export function simpleTranslator(messages: Record<string, string>): Translate {
  return (key, values = {}) => (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}
