/**
 * The benchmark's large organisation (issue 15, point 1): takes a copy of a freshly seeded demo
 * database and adds, deterministically from a seed number, ~10,000 people across 300 teams, job
 * roles with published versions and holders, open onboarding plans, announcements with their
 * answers, notifications, audit entries and the records of the other tools (evaluations,
 * concerns, ratings, capability evidence, training, access grants, feedback notes).
 *
 * The demo accounts stay as they are (same ids, emails and password); part of the new people
 * report to the demo manager and supervisor, hold the demo roles and answer the demo manager's
 * announcements, so their pages feel the size.
 *
 * Rows are cloned from the demo's own rows (every column copied, the identifying ones
 * overridden), so the generator follows the schema without restating it, and inserted with
 * prepared statements inside one transaction.
 *
 *   tsx scripts/bench/generate.ts --from demo.db --out big.db [--seed 15] [--people 10000]
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { personSearchText } from "../../lib/core/search-text";
import { prng } from "../../lib/core/prng";

export { prng };

export interface GenerateOptions {
  seed: number;
  people: number;
  teams: number;
  roles: number;
  plans: number;
  announcements: number;
}

export const DEFAULTS: GenerateOptions = { seed: 15, people: 10_000, teams: 300, roles: 40, plans: 500, announcements: 200 };

type Row = Record<string, unknown>;
type DB = Database.Database;

const FIRST = ["Anna", "Ben", "Chloé", "Dāvis", "Eva", "Femke", "Gökhan", "Hanna", "Ioana", "Jonas", "Kübra", "Laura", "Mihai", "Noah", "Oğuz", "Paula", "Quinn", "Rasa", "Sofia", "Tim", "Ugnė", "Vera", "Willem", "Yusuf", "Zane", "Emma", "Lars", "Mirela", "Arturs", "Sem"];
const LAST = ["Jansen", "de Boer", "Öztürk", "Bērziņš", "Popescu", "Smith", "Kazlauskas", "Visser", "Yıldız", "Ozola", "Brown", "Vasile", "Jonaitis", "Meijer", "Arslan", "Kalniņš", "Taylor", "Stan", "Petrauskienė", "de Graaf"];
const TEAM_WORDS = ["North", "South", "East", "West", "Central", "Harbour", "Airport", "City", "Ring", "Valley"];
const TEAM_KINDS = ["Reception", "Workshop", "Parts", "Care", "Bodyshop", "Detailing", "Sales", "Fleet", "Tyres", "Logistics"];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** A UUID-shaped string from the PRNG (deterministic, unlike crypto.randomUUID). */
function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An INSERT for `table` taking every column but `id` (unless kept) from a template row with overrides. */
function cloner(db: DB, table: string, keepId = false) {
  const cols = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).filter((c) => keepId || c !== "id");
  const stmt = db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`);
  return (template: Row, overrides: Row = {}): number => {
    const values = cols.map((c) => (c in overrides ? overrides[c] : template[c]));
    return Number(stmt.run(values).lastInsertRowid);
  };
}

function one(db: DB, sql: string, ...params: unknown[]): Row {
  const row = db.prepare(sql).get(...params) as Row | undefined;
  if (!row) throw new Error(`bench generate: the demo database has no row for: ${sql}`);
  return row;
}

function all(db: DB, sql: string, ...params: unknown[]): Row[] {
  return db.prepare(sql).all(...params) as Row[];
}

const iso = (d: Date) => d.toISOString();
const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Adds the large organisation to an open demo database. Returns row counts added per table. */
export function generate(db: DB, partial: Partial<GenerateOptions> = {}): Record<string, number> {
  const o = { ...DEFAULTS, ...partial };
  const rand = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const added: Record<string, number> = {};
  const count = (table: string, n = 1) => (added[table] = (added[table] ?? 0) + n);

  // "Now" is the demo's own seeding time, so the result depends only on the demo and the seed.
  const org = one(db, "SELECT updated_at FROM organisation WHERE id = 1");
  const now = new Date(String(org.updated_at));
  const today = new Date(`${day(now)}T00:00:00.000Z`);

  const HR = 1;
  const MANAGER = Number(one(db, "SELECT id FROM people WHERE email = 'manager@example.com'").id);
  const SUPERVISOR = Number(one(db, "SELECT id FROM people WHERE email = 'supervisor@example.com'").id);
  const personTemplate = one(db, "SELECT * FROM people WHERE email = 'employee@example.com'");

  db.transaction(() => {
    // Roles: clones of the demo roles with fresh stable keys, each with its published versions.
    const demoRoles = all(db, "SELECT * FROM job_roles ORDER BY id");
    const addRole = cloner(db, "job_roles");
    const addResp = cloner(db, "responsibilities");
    const addTask = cloner(db, "tasks");
    const addVersion = cloner(db, "role_versions");
    const addSearch = db.prepare("INSERT INTO role_search (kind, ref_key, role_id, title, body) SELECT kind, ?, ?, title, body FROM role_search WHERE role_id = ? AND ref_key IS ?");
    const addTrigram = db.prepare(
      "INSERT INTO role_search_trigram (kind, ref_key, role_id, title, body) SELECT kind, ?, ?, title, body FROM role_search_trigram WHERE role_id = ? AND ref_key IS ?",
    );
    const hasSearch = db.prepare("SELECT name FROM sqlite_master WHERE name = 'role_search_trigram'").get() !== undefined;
    const roleIds: number[] = demoRoles.map((r) => Number(r.id));
    const customerFacing = new Set(demoRoles.filter((r) => r.customer_facing).map((r) => Number(r.id)));
    for (let i = 0; i < o.roles; i++) {
      const t = demoRoles[i % demoRoles.length];
      const keys = new Map<string, string>();
      const remap = (s: string) => s.replace(UUID, (k) => keys.get(k) ?? (keys.set(k, uuid(rand)), keys.get(k)!));
      const title = `${String(t.title)} ${TEAM_WORDS[i % TEAM_WORDS.length]} ${Math.floor(i / TEAM_WORDS.length) + 1}`;
      const id = addRole(t, { slug: `bench-role-${i + 1}`, title, owner_id: i % 4 === 0 ? MANAGER : HR });
      roleIds.push(id);
      if (t.customer_facing) customerFacing.add(id);
      for (const r of all(db, "SELECT * FROM responsibilities WHERE job_role_id = ? ORDER BY id", t.id)) {
        const rid = addResp(r, { job_role_id: id, key: remap(String(r.key)) });
        for (const k of all(db, "SELECT * FROM tasks WHERE responsibility_id = ? ORDER BY id", r.id)) {
          addTask(k, { responsibility_id: rid, key: remap(String(k.key)) });
          count("tasks");
        }
        count("responsibilities");
      }
      for (const v of all(db, "SELECT * FROM role_versions WHERE job_role_id = ? ORDER BY number", t.id)) {
        addVersion(v, { job_role_id: id, content: remap(String(v.content)).replace(String(t.title), title), author_id: HR, announcement_id: null });
        count("role_versions");
      }
      if (hasSearch) {
        for (const s of all(db, "SELECT DISTINCT ref_key FROM role_search WHERE role_id = ?", t.id)) {
          const ref = s.ref_key == null ? null : remap(String(s.ref_key));
          addSearch.run(ref, id, t.id, s.ref_key);
          addTrigram.run(ref, id, t.id, s.ref_key);
        }
      }
      count("job_roles");
    }

    // Teams and people. The first teams belong to the demo manager; the rest to new managers.
    const addTeam = cloner(db, "teams");
    const addPerson = cloner(db, "people");
    const teamTemplate = one(db, "SELECT * FROM teams ORDER BY id LIMIT 1");
    const teamIds: number[] = [];
    const teamManager: number[] = [];
    const managerTeams = Math.min(20, o.teams);
    for (let i = 0; i < o.teams; i++) {
      const name = `${TEAM_WORDS[i % TEAM_WORDS.length]} ${TEAM_KINDS[Math.floor(i / TEAM_WORDS.length) % TEAM_KINDS.length]} ${Math.floor(i / 100) + 1}`;
      teamIds.push(addTeam(teamTemplate, { slug: `bench-team-${i + 1}`, name, manager_id: i < managerTeams ? MANAGER : null }));
      count("teams");
    }
    const setTeamManager = db.prepare("UPDATE teams SET manager_id = ? WHERE id = ?");
    const personIds: number[] = [];
    const holders = new Map<number, number[]>();
    const reportsTo = new Map<number, number>();
    const underDemo: number[] = [];
    for (let i = 0; i < o.people; i++) {
      const team = i % o.teams;
      const isLead = i < o.teams && team >= managerTeams;
      const first = pick(FIRST);
      const last = pick(LAST);
      const name = `${first} ${last}`;
      const email = `bench.${i + 1}@example.com`;
      // Nearly half hold one of the first demo roles: holders pile up on the roles people look at.
      const role = rand() < 0.45 ? roleIds[int(0, 4)] : pick(roleIds);
      let boss: number;
      if (isLead) boss = MANAGER;
      else if (team < managerTeams) boss = rand() < 0.4 ? SUPERVISOR : MANAGER;
      else boss = teamManager[team] ?? MANAGER;
      const started = addDays(today, -int(0, 3650));
      const id = addPerson(personTemplate, {
        name,
        email,
        phone: null,
        search_text: personSearchText(name, email),
        app_role: isLead ? "manager" : i % 97 === 0 ? "supervisor" : "employee",
        job_role_id: role,
        team_id: teamIds[team],
        reports_to_id: boss,
        start_date: day(started),
        locale: null,
        created_at: iso(started),
        updated_at: iso(started),
      });
      if (isLead) {
        teamManager[team] = id;
        setTeamManager.run(id, teamIds[team]);
      }
      if (boss === MANAGER || boss === SUPERVISOR) underDemo.push(id);
      personIds.push(id);
      reportsTo.set(id, boss);
      if (!holders.has(role)) holders.set(role, []);
      holders.get(role)!.push(id);
      count("people");
    }
    const everyone = [...all(db, "SELECT id FROM people WHERE id <= 24").map((r) => Number(r.id)), ...personIds];
    const managers = [MANAGER, ...teamManager.filter((x) => x !== undefined)];

    // Open onboarding plans, cloned from the demo's first plan with its items.
    const planTemplate = one(db, "SELECT * FROM onboardings ORDER BY id LIMIT 1");
    const itemTemplates = all(db, "SELECT * FROM onboarding_items WHERE onboarding_id = ? ORDER BY position", planTemplate.id);
    const addPlan = cloner(db, "onboardings");
    const addItem = cloner(db, "onboarding_items");
    const roleOf = db.prepare("SELECT job_role_id FROM people WHERE id = ?");
    for (let i = 0; i < o.plans; i++) {
      // Every tenth plan is in the demo manager's or supervisor's part of the organisation.
      const person = i % 10 === 0 ? underDemo[i % underDemo.length] : personIds[(i * 7919) % personIds.length];
      const start = addDays(today, int(-60, 20));
      const planId = addPlan(planTemplate, {
        person_id: person,
        job_role_id: (roleOf.get(person) as { job_role_id: number }).job_role_id,
        start_date: day(start),
        manager_id: reportsTo.get(person),
        buddy_id: pick(personIds),
        created_by_id: HR,
        created_at: iso(addDays(start, -7)),
      });
      for (const it of itemTemplates) {
        const due = addDays(start, Number(it.due_day));
        const done = due < today && rand() < 0.7;
        addItem(it, { onboarding_id: planId, due_date: day(due), done_at: done ? iso(due) : null, done_by_id: done ? HR : null });
        count("onboarding_items");
      }
      count("onboardings");
    }

    // Announcements, each to a few hundred people, with their answers and clarification threads.
    const annTemplate = one(db, "SELECT * FROM announcements ORDER BY id LIMIT 1");
    const addAnn = cloner(db, "announcements");
    const addAck = db.prepare(
      "INSERT INTO acknowledgements (person_id, role_version_id, base_version_id, announcement_id, owner_id, state, created_at, answered_at, reminders, revision) VALUES (?, NULL, NULL, ?, ?, ?, ?, ?, 0, 1)",
    );
    const addMsg = db.prepare("INSERT INTO ack_messages (acknowledgement_id, author_id, body, created_at) VALUES (?, ?, ?, ?)");
    const addNote = db.prepare("INSERT INTO notifications (person_id, kind, params, link, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?)");
    const annIds: number[] = [];
    for (let i = 0; i < o.announcements; i++) {
      const author = i % 5 === 0 ? MANAGER : i % 5 === 1 ? HR : pick(managers);
      const published = addDays(now, -int(0, 120));
      const audience = author === MANAGER ? underDemo : personIds;
      const size = Math.min(audience.length, int(50, 300));
      const offset = int(0, Math.max(0, audience.length - size));
      const recipients = audience.slice(offset, offset + size);
      const id = addAnn(annTemplate, {
        title: `${String(annTemplate.title)} (${i + 1})`,
        effective_date: day(addDays(published, 3)),
        author_id: author,
        audience: JSON.stringify({ everyone: false, roleIds: [], teamIds: [], personIds: recipients.slice(0, 20) }),
        published_at: iso(published),
      });
      annIds.push(id);
      for (const p of recipients) {
        const r = rand();
        const state = r < 0.55 ? "understood" : r < 0.9 ? "pending" : r < 0.97 ? "clarification" : "answered";
        const answered = state === "pending" ? null : iso(addDays(published, 1));
        const ack = Number(addAck.run(p, id, author, state, iso(published), answered).lastInsertRowid);
        if (state === "clarification" || state === "answered") {
          addMsg.run(ack, p, "Does this also apply on Saturdays, when the desk has only one person?", answered);
          if (state === "answered") addMsg.run(ack, author, "Yes: on Saturdays the foreman covers it.", answered);
          count("ack_messages", state === "answered" ? 2 : 1);
        }
        addNote.run(p, "announcement.new", JSON.stringify({ title: annTemplate.title }), `/announcements/${id}`, iso(published), state === "pending" ? null : answered);
        count("notifications");
        count("acknowledgements");
      }
      count("announcements");
    }

    // A material change answered by every holder of the demo roles with more than one version.
    const material = all(db, "SELECT id, job_role_id, number FROM role_versions WHERE kind = 'material' AND job_role_id <= 7");
    const addVersionAck = db.prepare(
      "INSERT OR IGNORE INTO acknowledgements (person_id, role_version_id, base_version_id, announcement_id, owner_id, state, created_at, answered_at, reminders, revision) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, 0, 1)",
    );
    for (const v of material) {
      const base = db.prepare("SELECT id FROM role_versions WHERE job_role_id = ? AND number = ?").get(v.job_role_id, Number(v.number) - 1) as Row | undefined;
      const owner = Number(one(db, "SELECT owner_id FROM job_roles WHERE id = ?", v.job_role_id).owner_id ?? HR);
      for (const p of holders.get(Number(v.job_role_id)) ?? []) {
        const state = rand() < 0.6 ? "understood" : "pending";
        addVersionAck.run(p, v.id, base?.id ?? null, owner, state, iso(addDays(now, -2)), state === "pending" ? null : iso(addDays(now, -1)));
        addNote.run(p, "role.changed", JSON.stringify({ version: v.number }), `/changes/${v.id}`, iso(addDays(now, -2)), null);
        count("acknowledgements");
        count("notifications");
      }
    }

    // Audit entries: the demo's kinds of entries, by many actors.
    const auditTemplates = all(db, "SELECT * FROM audit_log ORDER BY id");
    const addAudit = cloner(db, "audit_log");
    for (let i = 0; i < o.people * 5; i++) {
      addAudit(auditTemplates[i % auditTemplates.length], { actor_id: pick(everyone), at: iso(addDays(now, -rand() * 365)) });
      count("audit_log");
    }

    // Evaluations with their ratings, one for a fifth of the people.
    const evalTemplate = one(db, "SELECT * FROM evaluations WHERE status = 'closed' ORDER BY id LIMIT 1");
    const evalRatings = all(db, "SELECT * FROM evaluation_ratings WHERE evaluation_id = ?", evalTemplate.id);
    const addEval = cloner(db, "evaluations");
    const addEvalRating = cloner(db, "evaluation_ratings");
    for (let i = 0; i < o.people / 5; i++) {
      const p = personIds[i * 5];
      const e = addEval(evalTemplate, { person_id: p, author_id: reportsTo.get(p) });
      for (const r of evalRatings) addEvalRating(r, { evaluation_id: e });
      count("evaluations");
      count("evaluation_ratings", evalRatings.length);
    }

    // Concerns, with their authors, addressees and messages.
    const concernTemplates = all(db, "SELECT * FROM concerns ORDER BY id");
    const addConcern = cloner(db, "concerns", true);
    const addConcernAuthor = cloner(db, "concern_authors");
    const addAddressee = cloner(db, "concern_addressees");
    const addConcernMsg = cloner(db, "concern_messages", true);
    for (let i = 0; i < o.people / 30; i++) {
      const t = concernTemplates[i % concernTemplates.length];
      const id = uuid(rand);
      const author = pick(personIds);
      addConcern(t, { id, receipt_hash: null });
      for (const a of all(db, "SELECT * FROM concern_authors WHERE concern_id = ?", t.id)) addConcernAuthor(a, { concern_id: id, person_id: author });
      for (const a of all(db, "SELECT * FROM concern_addressees WHERE concern_id = ?", t.id)) addAddressee(a, { concern_id: id, person_id: reportsTo.get(author) });
      for (const m of all(db, "SELECT * FROM concern_messages WHERE concern_id = ?", t.id)) addConcernMsg(m, { id: uuid(rand), concern_id: id, person_id: m.person_id == null ? null : author });
      count("concerns");
    }

    // Customer ratings of the holders of customer-facing roles.
    const ratingTemplates = all(db, "SELECT * FROM ratings WHERE link_id IS NULL ORDER BY id LIMIT 50");
    const addRating = cloner(db, "ratings");
    const facing = personIds.filter((p) => customerFacing.has(Number((roleOf.get(p) as { job_role_id: number }).job_role_id)));
    for (let i = 0; facing.length > 0 && i < o.people * 2; i++) {
      const p = facing[i % facing.length];
      const at = addDays(now, -rand() * 365);
      addRating(ratingTemplates[i % ratingTemplates.length], { person_id: p, job_role_id: (roleOf.get(p) as { job_role_id: number }).job_role_id, created_at: iso(at), created_on: day(at) });
      count("ratings");
    }

    // Capability evidence, training assignments, access grants, feedback notes.
    const per = (table: string, n: number, override: (i: number) => Row) => {
      const templates = all(db, `SELECT * FROM ${table} ORDER BY id LIMIT 50`);
      if (templates.length === 0) return;
      const add = cloner(db, table);
      for (let i = 0; i < n; i++) {
        add(templates[i % templates.length], override(i));
        count(table);
      }
    };
    per("capability_evidence", o.people, (i) => ({ person_id: personIds[i % personIds.length], created_by_id: personIds[i % personIds.length], attempt_id: null, file_id: null }));
    per("training_assignments", o.people / 5, (i) => ({ person_id: personIds[(i * 3) % personIds.length], assigned_by_id: MANAGER, onboarding_item_id: null }));
    per("access_grants", o.people * 2, (i) => ({ person_id: personIds[Math.floor(i / 2) % personIds.length], job_role_id: null, granted_by_id: HR, revoked_by_id: null }));
    per("feedback_notes", o.people / 5, (i) => ({ from_id: personIds[i % personIds.length], to_id: personIds[(i * 13 + 1) % personIds.length], job_role_id: null, team_id: null }));

    // The notification every new person got when their plan or rating arrived.
    for (const p of personIds) {
      addNote.run(p, "evaluation.released", "{}", "/evaluations", iso(addDays(now, -30)), iso(addDays(now, -29)));
      count("notifications");
    }
  })();
  return added;
}

/** The command line: --from, --out, --seed, --people. */
export function parseGenerateArgs(argv: string[]): { from: string; out: string } & Pick<GenerateOptions, "seed" | "people"> {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const from = get("from");
  const out = get("out");
  if (!from || !out) throw new Error("usage: generate.ts --from <demo.db> --out <big.db> [--seed N] [--people N]");
  const seed = Number(get("seed") ?? DEFAULTS.seed);
  const people = Number(get("people") ?? DEFAULTS.people);
  if (!Number.isInteger(seed) || !Number.isInteger(people) || people < 1) throw new Error("--seed and --people must be whole numbers");
  return { from, out, seed, people };
}

/** Copies the demo database to `out` and generates into the copy. */
export function generateFile(from: string, out: string, options: Partial<GenerateOptions>): Record<string, number> {
  const src = new Database(from, { readonly: true });
  try {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(out + suffix, { force: true });
    // A consistent copy even when the demo is in WAL mode.
    src.exec(`VACUUM INTO '${out.replace(/'/g, "''")}'`);
  } finally {
    src.close();
  }
  const db = new Database(out);
  try {
    db.pragma("journal_mode = WAL");
    // Checked once at the end rather than row by row.
    db.pragma("foreign_keys = OFF");
    db.pragma("synchronous = OFF");
    const added = generate(db, options);
    const broken = db.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) throw new Error(`bench generate: ${broken.length} rows break a foreign key, e.g. ${JSON.stringify(broken[0])}`);
    db.exec("ANALYZE");
    return added;
  } finally {
    db.close();
  }
}

if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const args = parseGenerateArgs(process.argv.slice(2));
  const started = Date.now();
  const added = generateFile(args.from, args.out, { seed: args.seed, people: args.people, teams: Math.min(DEFAULTS.teams, args.people) });
  const total = Object.values(added).reduce((a, b) => a + b, 0);
  console.log(`bench: generated ${args.out} (seed ${args.seed}, ${total} rows) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(Object.entries(added).map(([t, n]) => `${t} ${n}`).join(", "));
}
