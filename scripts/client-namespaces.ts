/**
 * Writes i18n/client-namespaces.json: which message namespaces each area's layout passes to the
 * browser (i18n/client-namespaces.ts explains how they are found). `npm run i18n:client` after
 * adding a client component that calls useTranslations; the unit test says when it is stale.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { analyseClientNamespaces } from "../i18n/client-namespaces";

const root = path.resolve(import.meta.dirname, "..");
const { map, unscoped } = analyseClientNamespaces(root);
if (unscoped.length) {
  console.error("Client modules must call useTranslations with a literal namespace:", unscoped);
  process.exit(1);
}
writeFileSync(path.join(root, "i18n/client-namespaces.json"), JSON.stringify(map, null, 2) + "\n");
console.log(`i18n/client-namespaces.json: ${map.global.length} global namespaces, ${Object.keys(map.areas).length} areas`);
