import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Authorization lives in lib/auth/ (the policy). Anywhere else, comparing an app role is a build
 * failure: ask `can(actor, permission)` or a named rule in lib/auth/policy.ts instead.
 */
const appRole = "MemberExpression[property.name='appRole']";
export const appRoleComparisons = [
  { selector: `BinaryExpression[operator=/^[!=]==?$/] > ${appRole}`, message: "Compare no app role outside lib/auth/: ask the policy (can / a named rule)." },
  { selector: `SwitchStatement > ${appRole}.discriminant`, message: "Switch on no app role outside lib/auth/: ask the policy." },
  { selector: `CallExpression[callee.property.name='includes'] > ${appRole}.arguments`, message: "Compare no app role outside lib/auth/: ask the policy." },
  { selector: `CallExpression[callee.name=/^(eq|ne|inArray|notInArray)$/] > ${appRole}.arguments`, message: "Filter on no app role outside lib/auth/: use a scope fragment from the policy." },
  { selector: `CallExpression[callee.name='can'] > ${appRole}.arguments`, message: "Pass the person, not their app role: can(actor, permission)." },
];

const tablePattern = {
  group: ["@/lib/auth/permissions"],
  importNames: ["PERMISSION_TABLE", "roleCan"],
  message: "Ask the policy (lib/auth/policy.ts), not the table.",
};
/** Server code formats with the process's Intl formatters (i18n/formatter.ts, issue 15). */
const formatterPath = { name: "next-intl/server", importNames: ["getFormatter"], message: "Import getFormatter from @/i18n/formatter: it keeps the Intl formatters for the process." };
/** Links prefetch when the reader shows intent (components/ui/link.tsx, issue 15), not on sight. */
const nextLinkPath = { name: "next/link", message: "Import Link from @/components/ui/link: it prefetches on intent, not each link in view." };
const dbPattern = { group: ["@/db", "@/db/*", "**/db/*"], message: "Routes and components import from lib/, never from db/." };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/auth/**", "db/**", "**/*.test.ts", "e2e/**"],
    rules: { "no-restricted-syntax": ["error", ...appRoleComparisons] },
  },
  {
    // The permission table is read only by the policy.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/auth/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [tablePattern], paths: [formatterPath, nextLinkPath] }] },
  },
  {
    // Routes and components reach data only through lib/; the domain's vocabulary lives there too.
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [tablePattern, dbPattern], paths: [formatterPath, nextLinkPath] }] },
  },
  {
    // The one place next/link is wrapped.
    files: ["components/ui/link.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [tablePattern, dbPattern], paths: [formatterPath] }] },
  },
];
export default config;
