import { eq } from "drizzle-orm";
import { beforeAll, expect } from "vitest";
import { getDb } from "@/db/client";
import { faqEntries, jobRoles } from "@/db/schema";
import { faqForRole } from "@/lib/faq/read";
import { deleteFaq, faqForEdit, publishFaq, saveFaq, startFaqForRole, startFaqFromConcern, unpublishFaq } from "@/lib/faq/write";
import { currentDoc } from "@/lib/roles/documents";
import { insertConcern } from "@/lib/test/confidence";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { EMP, forbidden, HR, MGR, NORA, notFound, refusals, roleIdOf, SEED_TIMEOUT, STRANGER, SUP, type RefusalCase } from "@/lib/test/refusals";

/** FAQ entries on a role's responsibilities (the harness is lib/auth/refusals*.test.ts's, lib/test/refusals.ts). */

let concernId = "";
let openConcernId = "";
let entryId = 0;
let publishedId = 0;

const SA = "service-advisor";
const role = () => getDb().select().from(jobRoles).where(eq(jobRoles.slug, SA)).get()!;
const warranty = () => currentDoc(role()).responsibilities.find((r) => r.title === "Warranty, recalls and goodwill")!.key;
const text = () => ({ responsibilityKey: warranty(), question: "How far may I go with goodwill?", answer: "Up to €150 on your own." });

beforeAll(async () => {
  await useSeededTestDb();
  // Elif's named concern about goodwill, addressed to and answered by the supervisor.
  concernId = insertConcern({ authorEmail: EMP, addresseeEmails: [SUP], jobRoleId: roleIdOf(SA), responsibilityKey: warranty(), answer: "Up to 150 euros." }).id;
  openConcernId = insertConcern({ authorEmail: EMP, addresseeEmails: [SUP], jobRoleId: roleIdOf(SA) }).id;
  entryId = saveFaq(actorFor(SUP), { ...text(), id: null, concernId }).id;
  const draft = saveFaq(actorFor(MGR), { ...text(), id: null, jobRoleId: roleIdOf(SA) });
  publishFaq(actorFor(MGR), draft.id, draft.revision);
  publishedId = draft.id;
}, SEED_TIMEOUT);

const CONCERN = (rule: string) => () => ({ type: "concern", id: concernId, rule });
const ENTRY = () => ({ type: "faq_entry", id: entryId });
const ROLE_ID = () => ({ type: "job_role", id: roleIdOf(SA) });
const rev = (id: number) => getDb().select({ revision: faqEntries.revision }).from(faqEntries).where(eq(faqEntries.id, id)).get()!.revision;
const denied = (target: () => { type: string; id: string | number; rule: string }) => () => {
  const { rule, ...t } = target();
  return { ...t, detail: { rule } };
};

const cases: RefusalCase[] = [
  // Reading a role's FAQ needs roles.read.
  ...forbidden("faqForRole", [STRANGER], (a) => faqForRole(a, roleIdOf(SA)), "roles.read", ROLE_ID),

  // From a concern: only once answered, by an addressee or a role editor, never its author.
  { ...notFound("startFaqFromConcern: the named author may not turn their own concern into an FAQ entry", EMP, (a) => startFaqFromConcern(a, concernId), null), denied: denied(CONCERN("mayWriteFaq")) },
  { ...notFound("startFaqFromConcern: someone the concern was not addressed to does not see it", NORA, (a) => startFaqFromConcern(a, concernId), null), denied: denied(CONCERN("concernsCondition")) },
  {
    ...notFound("startFaqFromConcern: an addressee may not while the concern is still open", SUP, (a) => startFaqFromConcern(a, openConcernId), null),
    denied: () => ({ type: "concern", id: openConcernId, detail: { rule: "mayWriteFaq" } }),
  },
  { ...notFound("saveFaq: the author may not save an entry from their concern", EMP, (a) => saveFaq(a, { ...text(), id: null, concernId }), null), denied: denied(CONCERN("mayWriteFaq")) },

  // Straight on a role: whoever may edit the role.
  {
    ...notFound("startFaqForRole: a holder may not write FAQ on their role", EMP, (a) => startFaqForRole(a, SA), null),
    denied: () => ({ type: "job_role", id: SA, detail: { rule: "mayEditFaq" } }),
  },
  {
    ...notFound("saveFaq: a supervisor may not write FAQ straight on a role", SUP, (a) => saveFaq(a, { ...text(), id: null, jobRoleId: roleIdOf(SA) }), null),
    denied: () => ({ ...ROLE_ID(), detail: { rule: "mayEditFaq" } }),
  },
  { ...notFound("saveFaq: a role that does not exist", MGR, (a) => saveFaq(a, { ...text(), id: null, jobRoleId: 999_999 }), null) },

  // An existing entry: its role's editors, or an addressee of the concern it came from.
  { ...notFound("faqForEdit: a holder may not open a draft", EMP, (a) => faqForEdit(a, entryId), null), denied: () => ({ ...ENTRY(), detail: { rule: "mayEditFaq" } }) },
  { ...notFound("publishFaq: a holder may not publish", EMP, (a) => publishFaq(a, entryId, rev(entryId)), null), denied: () => ({ ...ENTRY(), detail: { rule: "mayEditFaq" } }) },
  {
    ...notFound("unpublishFaq: a new hire may not take an entry back", NORA, (a) => unpublishFaq(a, publishedId, rev(publishedId)), null),
    denied: () => ({ type: "faq_entry", id: publishedId, detail: { rule: "mayEditFaq" } }),
  },
  {
    ...notFound("unpublishFaq: the addressee of another concern may not take back an entry made on the role", SUP, (a) => unpublishFaq(a, publishedId, rev(publishedId)), null),
    denied: () => ({ type: "faq_entry", id: publishedId, detail: { rule: "mayEditFaq" } }),
  },
  { ...notFound("deleteFaq: someone with no known app role may not delete", STRANGER, (a) => deleteFaq(a, entryId, rev(entryId)), null), denied: () => ({ ...ENTRY(), detail: { rule: "mayEditFaq" } }) },
  { ...notFound("deleteFaq: an entry that does not exist", HR, (a) => deleteFaq(a, 999_999, 1), null) },

  // Bad input, refused next to its field.
  {
    name: "saveFaq: the role owner's unknown responsibility is refused next to the field",
    as: MGR,
    call: (a) => saveFaq(a, { ...text(), responsibilityKey: "no-such-responsibility", id: null, jobRoleId: roleIdOf(SA) }),
    expect: "field",
    fieldErrors: { responsibilityKey: "invalidChoice" },
  },
  {
    name: "saveFaq: an empty question is refused next to the field",
    as: SUP,
    call: (a) => saveFaq(a, { ...text(), question: " ", id: null, concernId }),
    expect: "field",
    fieldErrors: { question: "required" },
  },

  // Allowed writes last.
  {
    name: "positive: the addressee saves a second draft from the answered concern",
    as: SUP,
    call: (a) => saveFaq(a, { ...text(), id: null, concernId }),
    expect: (r: { slug: string }) => expect(r.slug).toBe(SA),
    changes: ["faq_entries", "sqlite_sequence"],
  },
  {
    name: "positive: the addressee edits the draft made from their concern",
    as: SUP,
    call: (a) => saveFaq(a, { ...text(), answer: "Up to €150; above that ask Marco.", id: entryId, revision: rev(entryId) }),
    expect: (r: { id: number }) => expect(r.id).toBe(entryId),
    changes: ["faq_entries"],
  },
];

refusals(cases);
