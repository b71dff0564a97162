#!/usr/bin/env node
/**
 * Authorization mutation test: proves that the tests notice when any authorization check in lib/
 * is weakened. It finds every check in lib/ (non-test .ts files, lib/test/ excluded), makes one
 * mutant per check, runs the tests against each mutant, restores the file, and reports the mutants
 * that SURVIVED (all tests still green).
 *
 * Usage (from the repository root; plain Node, no dependency beyond the project's own TypeScript):
 *   node scripts/auth-mutants.mjs                  every mutant against `npx vitest run lib/auth/`
 *   node scripts/auth-mutants.mjs --list           list the mutants with their ids, run nothing
 *   node scripts/auth-mutants.mjs --only=3,17,40   only these mutant ids (as --list shows them)
 *   node scripts/auth-mutants.mjs --file=plans.ts  only mutants in files whose path contains this
 *   node scripts/auth-mutants.mjs --tests="lib/auth/ lib/core/"   test paths (default: lib/auth/)
 *   node scripts/auth-mutants.mjs --timeout=900    seconds per test run (default 900; a timeout counts as killed)
 *   node scripts/auth-mutants.mjs --json=out.json  also write every result as JSON
 * Exit code: 0 when no mutant survived, 1 when some did, 2 when the unmutated suite already fails.
 *
 * The mutants:
 * - authorize(…), recordDenied(…), authorizeAppRoleChange(…) calls: removed (`void 0`);
 * - `if (cond) throw outOfScope(…)`: the guard becomes `false`; and outOfScope(…) itself becomes a
 *   plain NotFoundError that audits nothing;
 * - named rules (can, mayEditRole, mayTrackVersion, mayReplyToAck, mayTrackAnnouncement, mayTick,
 *   maySeePerson, managesPerson, mayEvaluate, managesHoldersOf, mayStartThread, mayEditFaq,
 *   mayViewCapabilities, mayAddCertificate, mayAssignTraining, mayManageAccess, mayEditCourse) called
 *   anywhere: `true`; signoffRelation(…): "supervisor"; planAccess(…): every field `true`; the
 *   plan access fields read outside the policy (access.mayManage, .mayView, .mayCheckin): `true`;
 * - scope fragments (peopleScope, editableRolesScope, teamsScope, ownRows, plansScope,
 *   owedItemsCondition, planManagerCondition, answerableAcksCondition, evaluableCondition,
 *   evaluationsCondition, concernsCondition, concernForwardTargetsCondition, concernHrCondition,
 *   threadsCondition, threadRolesCondition, clarityRolesCondition, readinessPeopleCondition,
 *   accessPeopleCondition) called anywhere: sql`1 = 1`;
 * - inside lib/auth/policy.ts, confidence-policy.ts, capability-policy.ts and feedback-policy.ts: every condition of every rule (each operand of && and ||, each if,
 *   each ?: condition, each boolean return and field) once `true` and once `false`, and each
 *   argument of an SQL and(…)/or(…) sql`1 = 1`;
 * - inside lib/auth/scope.ts: each branch of each fragment (each argument of or(…), each returned
 *   condition) sql`1 = 1`.
 *
 * Known survivors (checks that cannot fail on their own, so no test can tell them apart):
 * - notifications.ts itemStates' ownRows(acknowledgements.personId, …) → 1 = 1: it only decides whether
 *   one's own notification shows as done (no data is shown); lib/notifications/notifications.test.ts
 *   catches it ("someone else's answer does not make Elif's notification … done"), not lib/auth/.
 * - scope.ts teamsScope's default `0 = 1` → `1 = 1`: unreachable; both callers first authorize
 *   teams.read / announcements.create, which only HR and managers hold.
 * - people/records.ts updatePerson's authorizeAppRoleChange(…) removed: authorize(people.update)
 *   refuses first with the same ForbiddenError; only HR holds it, and HR holds people.assignAppRole.
 *   (authorizeAppRoleChange itself is tested directly in lib/auth/refusals.test.ts.)
 * - people/records.ts createPerson's authorize(people.invite) removed (issue 13): authorize(people.create)
 *   refuses first; only HR holds people.create, and HR holds people.invite.
 * - policy.ts escalationReviewer's `authorId !== null` → true: with no author the lookup of the
 *   author's managers finds nobody either, so the answer (HR) is the same.
 * - evaluations/read.ts evaluationsWaitingCount's and evaluations/waiting.ts waitingCondition's
 *   evaluationsCondition(…) → 1 = 1: every branch of what waits on someone (their own evaluation
 *   once asked or released, their own drafts and replies, what is escalated to them or written
 *   below them, HR's) is already inside what they may see; kept as a second fence.
 * - audit/subjects.ts can(actor, "organisation.manage") → true and evaluationsCondition(…) → 1 = 1:
 *   only HR reads the audit log (audit.read), and HR holds organisation.manage and sees every
 *   evaluation; the checks keep the subjects right if the log is ever opened to others.
 * - pulse/send.ts teamsScope(…) → 1 = 1 (checkTarget, pulseSendOptions, findPulseTeams): only HR holds pulse.send,
 *   and HR's team scope is every team; kept so a round stays inside the sender's teams if managers
 *   are ever allowed to send.
 * - confidence-policy.ts concernAccess's mayForward `can(actor, "concerns.oversee")` → true: only HR, the named
 *   author and the addressees can see a concern at all (concernsCondition), addressees may forward
 *   anyway and the author is excluded by the same expression.
 * - audit/subjects.ts concernsCondition(…) → 1 = 1: only HR reads the audit log, and HR sees every
 *   concern (as for evaluationsCondition above).
 * - concerns/read.ts listConcerns' and inboxCount's concernsCondition(…) → 1 = 1: each view's own
 *   condition (addressed to me, written by me) is already inside it, and "all" is HR's only; kept as
 *   a second fence.
 * - threads/threads.ts startOptions' mayStartThread(actor, actor.jobRoleId) → true: asked about the
 *   actor's own role, it is true whenever they hold one (everyone may take part in threads).
 * - threads/read.ts threadCountsForRole's threadsCondition(…) → 1 = 1: the same function first
 *   checks threadRolesCondition for that one role, which covers the same roles.
 * - confidence-policy.ts threadAccess's isStarter `holdsRole` → true: a starter who no longer holds the role
 *   cannot see the thread any more unless they manage its holders, and then they steer it anyway.
 *
 * Safety: the original file is kept in memory and in `<file>.auth-mutant-backup` while a mutant runs,
 * and written back in a finally block, on SIGINT/SIGTERM/SIGHUP and on exit; the script checks that
 * the restored file is byte-identical. A backup left by a killed run is restored at start.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const LIB = path.join(root, "lib");
const BACKUP = ".auth-mutant-backup";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, ...v] = a.replace(/^--/, "").split("=");
    return [k, v.length ? v.join("=") : true];
  }),
);
const TESTS = typeof args.tests === "string" ? args.tests.split(/\s+/).filter(Boolean) : ["lib/auth/"];
const TIMEOUT_MS = Number(args.timeout ?? 900) * 1000;

// ---------- What counts as a check ----------

const REMOVE = new Set(["authorize", "recordDenied", "authorizeAppRoleChange"]);
const ALLOW = new Set(["can", "mayEditRole", "mayTrackVersion", "mayReplyToAck", "mayTrackAnnouncement", "mayTick", "maySeePerson", "managesPerson", "mayEvaluate", "managesHoldersOf", "mayStartThread", "mayEditFaq", "mayViewCapabilities", "mayAddCertificate", "mayAssignTraining", "mayManageAccess", "mayEditCourse", "mayReadRatingsOf", "mayMakeRatingLink", "mayGiveNote", "mayGiveUpward", "mayManageIntegrations"]);
const SCOPES = new Set(["peopleScope", "editableRolesScope", "teamsScope", "ownRows", "plansScope", "owedItemsCondition", "planManagerCondition", "answerableAcksCondition", "evaluableCondition", "evaluationsCondition", "concernsCondition", "concernForwardTargetsCondition", "concernHrCondition", "threadsCondition", "threadRolesCondition", "clarityRolesCondition", "readinessPeopleCondition", "accessPeopleCondition", "ratingPeopleCondition", "followupsCondition", "notesCondition", "upwardLeadersCondition"]);
const PLAN_FIELDS = new Set(["isHire", "isBuddy", "isManager", "doesHrItems", "mayManage", "mayCheckin", "mayView"]);
const ALL_TRUE_ACCESS = `({ ${[...PLAN_FIELDS].map((f) => `${f}: true`).join(", ")} })`;
const SQL_TRUE = "__mutantSql`1 = 1`";
const SQL_IMPORT = 'import { sql as __mutantSql } from "drizzle-orm";\n';
const POLICY = path.join(LIB, "auth", "policy.ts");
/** The policy module's files whose rule conditions are mutated one by one. */
const POLICY_FILES = new Set([POLICY, path.join(LIB, "auth", "confidence-policy.ts"), path.join(LIB, "auth", "capability-policy.ts"), path.join(LIB, "auth", "feedback-policy.ts")]);
const SCOPE = path.join(LIB, "auth", "scope.ts");

function libFiles(dir = LIB) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === path.join(LIB, "test") ? [] : libFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

const strip = (n) => (ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAsExpression(n) ? strip(n.expression) : n);
const calleeName = (n) => (ts.isCallExpression(n) && ts.isIdentifier(n.expression) ? n.expression.text : null);
const isLogical = (n) => ts.isBinaryExpression(n) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken].includes(n.operatorToken.kind);
const COMPARE = [
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
];
function booleanish(n) {
  n = strip(n);
  if (isLogical(n) || (ts.isBinaryExpression(n) && COMPARE.includes(n.operatorToken.kind))) return true;
  if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ALLOW.has(calleeName(n))) return true;
  if (ts.isPropertyAccessExpression(n) && PLAN_FIELDS.has(n.name.text)) return true;
  return ts.isIdentifier(n) && PLAN_FIELDS.has(n.text);
}
/** The leaves of a condition: each operand of && and ||. */
function leaves(n) {
  n = strip(n);
  if (isLogical(n)) return [...leaves(n.left), ...leaves(n.right)];
  if (n.kind === ts.SyntaxKind.TrueKeyword || n.kind === ts.SyntaxKind.FalseKeyword) return [];
  return [n];
}
/** The SQL branches of a condition built with and(…)/or(…), recursively. */
function sqlBranches(n) {
  n = strip(n);
  const name = calleeName(n);
  if (name === "and" || name === "or") return n.arguments.flatMap((a) => [a, ...sqlBranches(a)]);
  return [];
}

function discover(file) {
  const text = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const rel = path.relative(root, file);
  const out = [];
  const add = (node, kind, replacement, needsSql = false) => {
    const start = node.getStart(sf);
    const end = node.getEnd();
    const { line, character } = sf.getLineAndCharacterOfPosition(start);
    out.push({ file: rel, start, end, replacement, needsSql, kind, where: `${rel}:${line + 1}:${character + 1}`, original: text.slice(start, end) });
  };
  const importsNotFound = /import\s*{[^}]*\bNotFoundError\b[^}]*}\s*from/.test(text);

  const visit = (node) => {
    const name = calleeName(node);
    if (name && REMOVE.has(name)) add(node, `remove ${name}()`, "void 0");
    if (name && ALLOW.has(name)) add(node, `${name}() → true`, "true");
    if (name && SCOPES.has(name)) add(node, `${name}() → 1 = 1`, SQL_TRUE, true);
    if (name === "planAccess") add(node, "planAccess() → all true", ALL_TRUE_ACCESS);
    if (name === "signoffRelation") add(node, 'signoffRelation() → "supervisor"', '("supervisor" as const)');
    if (name === "outOfScope") {
      if (importsNotFound) add(node.expression, "outOfScope → NotFoundError without audit", "((..._mutant) => new NotFoundError())");
      // The guard: `if (cond) throw outOfScope(…)`.
      let p = node.parent;
      while (p && (ts.isThrowStatement(p) || ts.isBlock(p) || ts.isParenthesizedExpression(p))) {
        const parent = p.parent;
        if (ts.isIfStatement(parent) && parent.thenStatement === p) {
          add(parent.expression, "outOfScope guard → false", "false");
          break;
        }
        p = parent;
      }
    }
    if (
      !POLICY_FILES.has(file) &&
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "access" &&
      PLAN_FIELDS.has(node.name.text)
    )
      add(node, `access.${node.name.text} → true`, "true");

    if (POLICY_FILES.has(file)) {
      const conditions = [];
      if (ts.isIfStatement(node)) conditions.push(node.expression);
      if (ts.isConditionalExpression(node)) conditions.push(node.condition);
      if (ts.isReturnStatement(node) && node.expression) {
        const fn = ts.findAncestor(node, ts.isFunctionDeclaration);
        if (fn?.type?.getText(sf) === "boolean") conditions.push(node.expression);
      }
      if ((ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node)) && node.initializer && booleanish(node.initializer))
        conditions.push(node.initializer);
      for (const c of conditions)
        for (const leaf of leaves(c)) {
          add(leaf, "rule condition → true", "true");
          add(leaf, "rule condition → false", "false");
        }
      if (ts.isReturnStatement(node) && node.expression && ts.findAncestor(node, ts.isFunctionDeclaration)?.type?.getText(sf) === "SQL")
        for (const b of sqlBranches(node.expression)) add(b, "rule SQL branch → 1 = 1", SQL_TRUE, true);
      // and(…) inside a query's where(): recordDenied, mayEditRole, maySeePerson.
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "where")
        for (const a of node.arguments) for (const b of sqlBranches(a)) add(b, "rule SQL branch → 1 = 1", SQL_TRUE, true);
    }
    if (file === SCOPE && ts.isReturnStatement(node) && node.expression) {
      const e = strip(node.expression);
      const branches = sqlBranches(e);
      if (branches.length) for (const b of branches) add(b, "scope branch → 1 = 1", SQL_TRUE, true);
      else if (!/^sql`1 = 1`$/.test(e.getText(sf))) add(e, "scope branch → 1 = 1", SQL_TRUE, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function allMutants() {
  const seen = new Set();
  const list = [];
  for (const file of libFiles().sort()) {
    for (const m of discover(file)) {
      const key = `${m.file}:${m.start}:${m.end}:${m.replacement}`;
      if (seen.has(key)) continue;
      seen.add(key);
      list.push(m);
    }
  }
  return list.map((m, i) => ({ id: i + 1, ...m }));
}

// ---------- Running safely ----------

const sha = (s) => createHash("sha256").update(s).digest("hex");
let active = null; // { abs, original, child }

function restore() {
  if (!active) return;
  const { abs, original } = active;
  fs.writeFileSync(abs, original);
  if (sha(fs.readFileSync(abs, "utf8")) !== sha(original)) {
    console.error(`\n!! could not restore ${abs}; the original is in ${abs + BACKUP}`);
    process.exit(3);
  }
  fs.rmSync(abs + BACKUP, { force: true });
  active = null;
}

function killChild() {
  const child = active?.child;
  if (child && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"])
  process.on(sig, () => {
    killChild();
    restore();
    console.error(`\n${sig}: stopped; every file is restored.`);
    process.exit(130);
  });
process.on("exit", () => {
  killChild();
  restore();
});

function leftoverBackups(dir = LIB) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? leftoverBackups(p) : e.name.endsWith(BACKUP) ? [p] : [];
  });
}

function runTests() {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn("npx", ["vitest", "run", ...TESTS, "--bail=1", "--reporter=dot"], {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    if (active) active.child = child;
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      output = output.replace(/\x1b\[[0-9;]*m/g, "");
      const failed = [...new Set([...output.matchAll(/^\s*FAIL\s+(.+)$/gm)].map((m) => m[1].trim()))];
      resolve({ code, timedOut, seconds: Math.round((Date.now() - started) / 1000), failed, tail: output.split("\n").slice(-15).join("\n") });
    });
  });
}

async function runMutant(m) {
  const abs = path.join(root, m.file);
  const original = fs.readFileSync(abs, "utf8");
  if (original.slice(m.start, m.end) !== m.original) throw new Error(`${m.where}: the file changed since discovery`);
  let mutated = original.slice(0, m.start) + m.replacement + original.slice(m.end);
  if (m.needsSql) mutated = SQL_IMPORT + mutated;
  fs.writeFileSync(abs + BACKUP, original);
  active = { abs, original, child: null };
  try {
    fs.writeFileSync(abs, mutated);
    return await runTests();
  } finally {
    restore();
  }
}

const short = (s) => s.replace(/\s+/g, " ").slice(0, 90);

async function main() {
  for (const b of leftoverBackups()) {
    const abs = b.slice(0, -BACKUP.length);
    fs.writeFileSync(abs, fs.readFileSync(b));
    fs.rmSync(b);
    console.log(`restored ${path.relative(root, abs)} from a backup left by an interrupted run`);
  }
  let mutants = allMutants();
  if (args.list) {
    for (const m of mutants) console.log(`${String(m.id).padStart(3)}  ${m.where}  ${m.kind}: ${short(m.original)}`);
    console.log(`\n${mutants.length} mutants`);
    return 0;
  }
  if (typeof args.only === "string") {
    const ids = new Set(args.only.split(",").map(Number));
    mutants = mutants.filter((m) => ids.has(m.id));
  }
  if (typeof args.file === "string") mutants = mutants.filter((m) => m.file.includes(args.file));

  const snapshot = new Map(libFiles().map((f) => [f, sha(fs.readFileSync(f, "utf8"))]));
  console.log(`baseline: npx vitest run ${TESTS.join(" ")} …`);
  const base = await runTests();
  if (base.code !== 0) {
    console.error(`the unmutated suite fails (exit ${base.code}${base.timedOut ? ", timed out" : ""}):\n${base.tail}`);
    return 2;
  }
  console.log(`baseline green in ${base.seconds}s; ${mutants.length} mutants\n`);

  const results = [];
  for (const [i, m] of mutants.entries()) {
    const r = await runMutant(m);
    const status = r.timedOut ? "timeout" : r.code === 0 ? "SURVIVED" : "killed";
    results.push({ ...m, status, seconds: r.seconds, failed: r.failed.slice(0, 3) });
    const by = status === "killed" && r.failed.length ? `  by: ${short(r.failed[0].split(" > ").pop())}` : "";
    console.log(`[${i + 1}/${mutants.length}] #${m.id} ${status.padEnd(8)} ${m.where}  ${m.kind}: ${short(m.original)} (${r.seconds}s)${by}`);
  }

  for (const [f, h] of snapshot)
    if (sha(fs.readFileSync(f, "utf8")) !== h) {
      console.error(`!! ${path.relative(root, f)} differs from before the run`);
      return 3;
    }
  const survivors = results.filter((r) => r.status === "SURVIVED");
  const timeouts = results.filter((r) => r.status === "timeout");
  console.log(`\n${results.length} mutants: ${results.length - survivors.length - timeouts.length} killed, ${timeouts.length} timed out, ${survivors.length} survived`);
  for (const s of survivors) console.log(`  SURVIVED #${s.id} ${s.where}  ${s.kind}: ${short(s.original)}`);
  if (typeof args.json === "string") fs.writeFileSync(args.json, JSON.stringify(results, null, 2));
  console.log("every file is restored.");
  return survivors.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    restore();
    process.exit(3);
  },
);
