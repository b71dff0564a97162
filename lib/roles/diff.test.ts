import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en.json";
import tr from "@/i18n/messages/tr.json";
import { diffRoles, diffText, onlyChanges, sectionLabel, sectionText, stableKeys, type RoleDiff, type RoleDocTranslate, type TextDiff } from "@/lib/roles/diff";
import { CAPABILITY_KINDS, emptyResponsibility, STANDARD_CATEGORIES, type RoleDoc, type RoleResponsibility, type RoleTask } from "@/lib/roles/doc";

const task = (key: string, title: string, description = ""): RoleTask => ({ key, title, description });
const resp = (key: string, title: string, tasks: RoleTask[] = [], extra: Partial<RoleResponsibility> = {}): RoleResponsibility => ({
  ...emptyResponsibility(key),
  title,
  tasks,
  ...extra,
});

/** A small Service Advisor document; every call returns a fresh copy. */
function baseDoc(): RoleDoc {
  return {
    title: "Service Advisor",
    purpose: "The customer's single point of contact.",
    responsibilities: [
      resp("r1", "Reception", [task("t1", "Greet the customer", "Within 2 minutes."), task("t2", "Walk-around check"), task("t3", "Tag the keys")]),
      resp("r2", "Repair orders", [task("t4", "Open the repair order"), task("t5", "Record approval")]),
      resp("r3", "Handover", [task("t6", "Explain the invoice")]),
    ],
  };
}

const byKey = (diff: RoleDiff, key: string) => {
  const r = diff.responsibilities.find((x) => x.key === key);
  if (!r) throw new Error(`no responsibility ${key} in diff`);
  return r;
};
const taskOf = (diff: RoleDiff, respKey: string, taskKey: string) => {
  const t = byKey(diff, respKey).tasks.find((x) => x.key === taskKey);
  if (!t) throw new Error(`no task ${taskKey} under ${respKey}`);
  return t;
};
const allTasks = (diff: RoleDiff) => diff.responsibilities.flatMap((r) => r.tasks);
const addedText = (d: TextDiff | null) => (d ?? []).filter((p) => p.added).map((p) => p.value);
const removedText = (d: TextDiff | null) => (d ?? []).filter((p) => p.removed).map((p) => p.value);

describe("diffText", () => {
  it("returns null for equal texts", () => {
    expect(diffText("", "")).toBeNull();
    expect(diffText("Same words here", "Same words here")).toBeNull();
  });

  it("marks a replaced word as removed and its replacement as added, keeping common text", () => {
    expect(diffText("the quick brown fox", "the slow brown fox")).toEqual([
      { value: "the " },
      { value: "quick", removed: true },
      { value: "slow", added: true },
      { value: " brown fox" },
    ]);
  });

  it("marks appended words as added", () => {
    expect(diffText("Check the booking", "Check the booking twice")).toEqual([{ value: "Check the booking" }, { value: " twice", added: true }]);
  });

  it("parts rebuild both texts: without added parts the old one, without removed parts the new one", () => {
    const pairs: [string, string][] = [
      ["Call the customer within 30 minutes.", "Call the customer within 15 minutes and send an SMS."],
      ["", "brand new text"],
      ["old text going away", ""],
      ["line one\nline two", "line one\nline 2\nline three"],
    ];
    for (const [before, after] of pairs) {
      const parts = diffText(before, after)!;
      expect(parts).not.toBeNull();
      expect(parts.filter((p) => !p.added).map((p) => p.value).join("")).toBe(before);
      expect(parts.filter((p) => !p.removed).map((p) => p.value).join("")).toBe(after);
      // no part is both added and removed, and plain parts carry no flags at all
      for (const p of parts) {
        expect(p.added && p.removed).toBeFalsy();
        if (!p.added && !p.removed) expect(Object.keys(p)).toEqual(["value"]);
      }
    }
  });
});

describe("stableKeys", () => {
  it("keeps every key when nothing moved", () => {
    expect([...stableKeys(["a", "b", "c"], ["a", "b", "c"])].sort()).toEqual(["a", "b", "c"]);
  });

  it("an insertion or a removal does not make the other keys move", () => {
    expect([...stableKeys(["a", "b"], ["x", "a", "b"])].sort()).toEqual(["a", "b"]);
    expect([...stableKeys(["a", "b", "c"], ["a", "c"])].sort()).toEqual(["a", "c"]);
    expect([...stableKeys(["a", "x", "b"], ["y", "a", "b"])].sort()).toEqual(["a", "b"]);
  });

  it("a swap of two neighbours moves exactly one of them", () => {
    const keep = stableKeys(["a", "b", "c"], ["b", "a", "c"]);
    expect(keep.size).toBe(2);
    expect(keep.has("c")).toBe(true);
    expect([...keep].sort()).toEqual(["b", "c"]);
  });

  it("moving the last item to the front moves only that item", () => {
    expect([...stableKeys(["a", "b", "c", "d"], ["d", "a", "b", "c"])].sort()).toEqual(["a", "b", "c"]);
  });

  it("a full reversal keeps a single key", () => {
    expect(stableKeys(["a", "b", "c"], ["c", "b", "a"]).size).toBe(1);
  });

  it("handles empty lists", () => {
    expect(stableKeys([], []).size).toBe(0);
    expect(stableKeys(["a"], []).size).toBe(0);
    expect(stableKeys([], ["a"]).size).toBe(0);
  });
});

describe("sectionText", () => {
  it("renders one line per item, without category or kind keys, and the escalation arrow", () => {
    const r = resp("r", "R", [], {
      standards: [
        { category: "safety", text: "Wear gloves" },
        { category: "speed", text: "Answer in 2 minutes" },
      ],
      whenWrong: { steps: "Apologise", escalateTo: "Service Manager" },
      decisionRights: [{ decision: "Approve goodwill", limit: "up to €100" }, { decision: "Offer a courtesy car", limit: "" }],
      evaluation: [{ key: "e1", criterion: "CSI score", good: "9 or higher" }],
      capabilities: [{ key: "c1", name: "DMS", kind: "technical" }],
    });
    expect(sectionText(r, "standards")).toBe("Wear gloves\nAnswer in 2 minutes");
    expect(sectionText(r, "whenWrong")).toBe("Apologise\n→ Service Manager");
    expect(sectionText(r, "decisionRights")).toBe("Approve goodwill — up to €100\nOffer a courtesy car");
    expect(sectionText(r, "evaluation")).toBe("CSI score — 9 or higher");
    expect(sectionText(r, "capabilities")).toBe("DMS");
    expect(sectionText(resp("e", "Empty"), "whenWrong")).toBe("");
  });
});

describe("diffRoles", () => {
  it("reports nothing for identical documents", () => {
    const diff = diffRoles(baseDoc(), baseDoc());
    expect(diff.changed).toBe(false);
    expect(diff.titleDiff).toBeNull();
    expect(diff.purposeDiff).toBeNull();
    expect(diff.counts).toEqual({ added: 0, removed: 0, moved: 0, changed: 0 });
    expect(diff.responsibilities.map((r) => r.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(allTasks(diff).every((t) => t.status === "unchanged")).toBe(true);
    expect(allTasks(diff)).toHaveLength(6);
    expect(diff.responsibilities.every((r) => r.sections.length === 0)).toBe(true);
  });

  it("reports an added and a removed task", () => {
    const after = baseDoc();
    after.responsibilities[1].tasks.push(task("t7", "Send the estimate by SMS"));
    after.responsibilities[0].tasks = after.responsibilities[0].tasks.filter((t) => t.key !== "t2");
    const diff = diffRoles(baseDoc(), after);
    expect(diff.changed).toBe(true);
    expect(taskOf(diff, "r2", "t7")).toMatchObject({ status: "added", title: "Send the estimate by SMS", titleDiff: null, movedFrom: null });
    expect(taskOf(diff, "r1", "t2")).toMatchObject({ status: "removed", title: "Walk-around check", movedFrom: null });
    expect(byKey(diff, "r1").status).toBe("changed");
    expect(byKey(diff, "r2").status).toBe("changed");
    expect(byKey(diff, "r3").status).toBe("unchanged");
    // the tasks around them did not move
    expect(taskOf(diff, "r1", "t1").status).toBe("unchanged");
    expect(taskOf(diff, "r1", "t3").status).toBe("unchanged");
    expect(diff.counts).toEqual({ added: 1, removed: 1, moved: 0, changed: 0 });
  });

  it("reports an added and a removed responsibility, with the removed one's tasks", () => {
    const after = baseDoc();
    after.responsibilities = after.responsibilities.filter((r) => r.key !== "r3");
    after.responsibilities.push(resp("r4", "Courtesy cars", [task("t8", "Check out a courtesy car")]));
    const diff = diffRoles(baseDoc(), after);
    expect(byKey(diff, "r4")).toMatchObject({ status: "added", title: "Courtesy cars", titleDiff: null, sections: [] });
    expect(taskOf(diff, "r4", "t8").status).toBe("added");
    expect(byKey(diff, "r3")).toMatchObject({ status: "removed", title: "Handover" });
    expect(byKey(diff, "r3").tasks).toEqual([
      { key: "t6", status: "removed", title: "Explain the invoice", titleDiff: null, descriptionDiff: null, description: "", movedFrom: null },
    ]);
    expect(diff.counts).toEqual({ added: 2, removed: 2, moved: 0, changed: 0 });
  });

  it("reports a reordered responsibility as moved and the others as unchanged", () => {
    const after = baseDoc();
    after.responsibilities = [after.responsibilities[2], after.responsibilities[0], after.responsibilities[1]];
    const diff = diffRoles(baseDoc(), after);
    expect(diff.responsibilities.map((r) => [r.key, r.status])).toEqual([
      ["r3", "moved"],
      ["r1", "unchanged"],
      ["r2", "unchanged"],
    ]);
    expect(diff.changed).toBe(true);
    expect(diff.counts).toEqual({ added: 0, removed: 0, moved: 1, changed: 0 });
  });

  it("reports a task reordered within its responsibility as moved (not from elsewhere)", () => {
    const after = baseDoc();
    const [t1, t2, t3] = after.responsibilities[0].tasks;
    after.responsibilities[0].tasks = [t3, t1, t2];
    const diff = diffRoles(baseDoc(), after);
    expect(taskOf(diff, "r1", "t3")).toMatchObject({ status: "moved", movedFrom: null, titleDiff: null });
    expect(taskOf(diff, "r1", "t1").status).toBe("unchanged");
    expect(taskOf(diff, "r1", "t2").status).toBe("unchanged");
    expect(byKey(diff, "r1").status).toBe("changed");
    expect(diff.counts.moved).toBe(1);
  });

  it("reports a task moved to another responsibility as moved with movedFrom, not removed and added", () => {
    const after = baseDoc();
    const t2 = after.responsibilities[0].tasks.splice(1, 1)[0];
    after.responsibilities[1].tasks.push({ ...t2, title: "Walk-around check with the customer" });
    const diff = diffRoles(baseDoc(), after);
    const moved = taskOf(diff, "r2", "t2");
    expect(moved.status).toBe("moved");
    expect(moved.movedFrom).toBe("Reception");
    expect(moved.title).toBe("Walk-around check with the customer");
    expect(addedText(moved.titleDiff).join("")).toBe(" with the customer");
    expect(removedText(moved.titleDiff)).toEqual([]);
    // it appears exactly once, and nowhere as removed or added
    expect(allTasks(diff).filter((t) => t.key === "t2")).toHaveLength(1);
    expect(allTasks(diff).some((t) => t.status === "removed" || t.status === "added")).toBe(false);
    expect(byKey(diff, "r1").tasks.map((t) => t.key)).toEqual(["t1", "t3"]);
    expect(byKey(diff, "r2").status).toBe("changed");
    expect(diff.counts).toEqual({ added: 0, removed: 0, moved: 1, changed: 0 });
  });

  it("a task taken out of a removed responsibility into another one is moved, and not listed as removed", () => {
    const after = baseDoc();
    const t6 = after.responsibilities[2].tasks[0];
    after.responsibilities = after.responsibilities.slice(0, 2);
    after.responsibilities[0].tasks.push(t6);
    const diff = diffRoles(baseDoc(), after);
    expect(taskOf(diff, "r1", "t6")).toMatchObject({ status: "moved", movedFrom: "Handover" });
    expect(byKey(diff, "r3")).toMatchObject({ status: "removed", tasks: [] });
  });

  it("shows text changes as inline word parts", () => {
    const after = baseDoc();
    after.title = "Senior Service Advisor";
    after.purpose = "The customer's single point of contact, from booking to handover.";
    after.responsibilities[0].tasks[0].description = "Within 5 minutes.";
    after.responsibilities[1].title = "Repair orders and approvals";
    after.responsibilities[1].description = "No work without an order.";
    const diff = diffRoles(baseDoc(), after);

    expect(diff.titleDiff).toEqual([{ value: "Senior ", added: true }, { value: "Service Advisor" }]);
    expect(addedText(diff.purposeDiff).join("")).toBe(", from booking to handover");
    expect(removedText(diff.purposeDiff)).toEqual([]);

    const t1 = taskOf(diff, "r1", "t1");
    expect(t1.status).toBe("changed");
    expect(t1.titleDiff).toBeNull();
    expect(removedText(t1.descriptionDiff)).toEqual(["2"]);
    expect(addedText(t1.descriptionDiff)).toEqual(["5"]);

    const r2 = byKey(diff, "r2");
    expect(r2.status).toBe("changed");
    expect(addedText(r2.titleDiff).join("")).toBe(" and approvals");
    expect(addedText(r2.descriptionDiff).join("")).toBe("No work without an order.");
    // role title, purpose, task t1, and r2 (its title and description count once)
    expect(diff.counts).toEqual({ added: 0, removed: 0, moved: 0, changed: 4 });
    expect(diff.changed).toBe(true);
  });

  it("reports changes to standards, decision rights and the other sections by name", () => {
    const before = baseDoc();
    before.responsibilities[0].decisionRights = [{ decision: "Approve goodwill", limit: "up to €100" }];
    before.responsibilities[0].whenWrong = { steps: "Apologise", escalateTo: "Workshop Foreman" };
    const after = baseDoc();
    after.responsibilities[0].standards = [{ category: "speed", text: "Greet within 2 minutes" }];
    after.responsibilities[0].decisionRights = [{ decision: "Approve goodwill", limit: "up to €250" }];
    after.responsibilities[0].whenWrong = { steps: "Apologise", escalateTo: "Service Manager" };
    after.responsibilities[1].evaluation = [{ key: "e1", criterion: "Estimate sent", good: "within 30 minutes" }];
    after.responsibilities[1].capabilities = [{ key: "c1", name: "DMS", kind: "technical" }];
    const diff = diffRoles(before, after);

    const r1 = byKey(diff, "r1");
    expect(r1.status).toBe("changed");
    expect(r1.sections.map((s) => s.name)).toEqual(["standards", "whenWrong", "decisionRights"]);
    expect(r1.sections[0]).toMatchObject({ name: "standards", category: "speed", markdown: true });
    expect(r1.sections[0].diff).toEqual([{ value: "Greet within 2 minutes", added: true }]);
    const whenWrong = r1.sections.find((s) => s.name === "whenWrong" && s.escalate)!.diff;
    expect(removedText(whenWrong).join(" ")).toContain("Workshop");
    expect(addedText(whenWrong).join(" ")).toContain("Service");
    const rights = r1.sections.find((s) => s.name === "decisionRights")!.diff;
    expect(removedText(rights)).toEqual(["100"]);
    expect(addedText(rights)).toEqual(["250"]);
    expect(rights.filter((p) => !p.removed).map((p) => p.value).join("")).toBe("Approve goodwill — up to €250");

    const r2 = byKey(diff, "r2");
    expect(r2.sections.map((s) => s.name)).toEqual(["evaluation", "capabilities"]);
    expect(r2.sections[1]).toMatchObject({ name: "capabilities", kind: "technical", markdown: false });
    expect(r2.sections[1].diff).toEqual([{ value: "DMS", added: true }]);
    expect(byKey(diff, "r3").sections).toEqual([]);
    expect(byKey(diff, "r3").status).toBe("unchanged");
    expect(diff.counts.changed).toBe(5);
    expect(diff.changed).toBe(true);
  });
});

describe("onlyChanges", () => {
  it("drops unchanged responsibilities and unchanged tasks, keeping the rest as is", () => {
    const after = baseDoc();
    after.responsibilities[1].tasks.push(task("t7", "Send the estimate by SMS"));
    const full = diffRoles(baseDoc(), after);
    const only = onlyChanges(full);
    expect(only.responsibilities.map((r) => r.key)).toEqual(["r2"]);
    expect(only.responsibilities[0].tasks).toEqual([
      { key: "t7", status: "added", title: "Send the estimate by SMS", titleDiff: null, descriptionDiff: null, description: "", movedFrom: null },
    ]);
    expect(only.counts).toEqual(full.counts);
    expect(only.changed).toBe(true);
    // the full diff is left intact
    expect(full.responsibilities).toHaveLength(3);
    expect(byKey(full, "r2").tasks).toHaveLength(3);
  });

  it("keeps removed responsibilities and leaves an unchanged diff empty", () => {
    const after = baseDoc();
    after.responsibilities.pop();
    expect(onlyChanges(diffRoles(baseDoc(), after)).responsibilities.map((r) => [r.key, r.status])).toEqual([["r3", "removed"]]);
    const none = onlyChanges(diffRoles(baseDoc(), baseDoc()));
    expect(none.responsibilities).toEqual([]);
    expect(none.changed).toBe(false);
  });
});

describe("tools diff", () => {
  it("reports a change to the tools the role needs as text", () => {
    const a = { title: "R", purpose: "", tools: ["DMS"], responsibilities: [] };
    const b = { ...a, tools: ["DMS", "Fleet app"] };
    const d = diffRoles(a, b);
    expect(d.changed).toBe(true);
    expect(d.toolsDiff?.some((p) => p.added && p.value.includes("Fleet app"))).toBe(true);
    expect(diffRoles(a, { ...a }).toolsDiff).toBeNull();
  });
});

/** A next-intl-like translator over one locale's "roleDoc" messages (nested keys with dots). */
function roleDocTranslator(messages: Record<string, unknown>): RoleDocTranslate {
  return (key) => {
    const value = key.split(".").reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], messages);
    if (typeof value !== "string") throw new Error(`missing roleDoc.${key}`);
    return value;
  };
}

describe("readable diffs", () => {
  /** Every standards category and capability kind has an item before, and a changed one after. */
  function everyKind(): { before: RoleDoc; after: RoleDoc } {
    const before = baseDoc();
    const after = baseDoc();
    before.responsibilities[0] = {
      ...before.responsibilities[0],
      standards: STANDARD_CATEGORIES.map((category) => ({ category, text: `Old ${category} rule` })),
      capabilities: CAPABILITY_KINDS.map((kind) => ({ key: `cap-${kind}`, name: `Old skill ${kind}`, kind })),
      whenWrong: { steps: "Apologise", escalateTo: "Workshop Foreman" },
      decisionRights: [{ decision: "Approve goodwill", limit: "up to €100" }],
      evaluation: [{ key: "crit-csi", criterion: "CSI score", good: "9 or higher" }],
    };
    after.responsibilities[0] = {
      ...after.responsibilities[0],
      standards: STANDARD_CATEGORIES.map((category) => ({ category, text: `New **${category}** rule` })),
      capabilities: CAPABILITY_KINDS.map((kind) => ({ key: `cap-${kind}`, name: `New skill ${kind}`, kind })),
      whenWrong: { steps: "Apologise and *note it*", escalateTo: "Service Manager" },
      decisionRights: [{ decision: "Approve goodwill", limit: "up to €250" }],
      evaluation: [{ key: "crit-csi", criterion: "CSI score", good: "**10**" }],
    };
    return { before, after };
  }

  /** What a reader sees of the section changes: each heading, then the text of its parts. */
  const readable = (diff: RoleDiff, t: RoleDocTranslate) =>
    diff.responsibilities.flatMap((r) => r.sections.map((s) => `${sectionLabel(s, t)}\n${s.diff.map((p) => p.value).join("")}`)).join("\n");

  const KEYS = [...STANDARD_CATEGORIES, ...CAPABILITY_KINDS, "whenWrong", "decisionRights", "escalateTo", "category.", "kind."];

  it("labels every section, category and kind by its name in the reader's language, never by its key", () => {
    const { before, after } = everyKind();
    const diff = diffRoles(before, after);
    const sections = byKey(diff, "r1").sections;
    // One part per category and kind, plus the steps, the escalation, decision rights and evaluation.
    expect(sections).toHaveLength(STANDARD_CATEGORIES.length + CAPABILITY_KINDS.length + 4);

    const english = readable(diff, roleDocTranslator(en.roleDoc));
    const turkish = readable(diff, roleDocTranslator(tr.roleDoc));
    for (const c of STANDARD_CATEGORIES) {
      expect(english).toContain(`${en.roleDoc.standards} · ${en.roleDoc.category[c]}`);
      expect(turkish).toContain(`${tr.roleDoc.standards} · ${tr.roleDoc.category[c]}`);
    }
    for (const k of CAPABILITY_KINDS) {
      expect(english).toContain(`${en.roleDoc.capabilities} · ${en.roleDoc.kind[k]}`);
      expect(turkish).toContain(`${tr.roleDoc.capabilities} · ${tr.roleDoc.kind[k]}`);
    }
    expect(turkish).toContain(`${tr.roleDoc.whenWrong} · ${tr.roleDoc.escalateTo}`);
    expect(turkish).toContain(tr.roleDoc.decisionRights);
    expect(english).not.toMatch(/\[[a-zA-Z.]+\]/);
    // Nor do the criteria's and capabilities' keys show in the text.
    expect(english).not.toMatch(/crit-|cap-/);
    expect(turkish).not.toMatch(/\[[a-zA-Z.]+\]/);
    // The labels carry no key in any language (the texts themselves are the author's words).
    const turkishLabels = sections.map((s) => sectionLabel(s, roleDocTranslator(tr.roleDoc))).join("\n");
    for (const key of KEYS) expect(turkishLabels).not.toContain(key);
  });

  it("marks which texts are Markdown, so they are rendered rather than shown raw", () => {
    const { before, after } = everyKind();
    const sections = byKey(diffRoles(before, after), "r1").sections;
    expect(sections.filter((s) => s.markdown).map((s) => s.name)).toEqual([...STANDARD_CATEGORIES.map(() => "standards"), "whenWrong", "evaluation"]);
    expect(sections.filter((s) => !s.markdown).map((s) => s.name)).toEqual(["whenWrong", "decisionRights", ...CAPABILITY_KINDS.map(() => "capabilities")]);
  });

  it("an added task carries its description; an added responsibility its description and sections", () => {
    const after = baseDoc();
    after.responsibilities[1].tasks.push(task("t7", "Send the estimate by SMS", "Use the **DMS** template."));
    after.responsibilities.push(
      resp("r4", "Courtesy cars", [task("t8", "Check out a courtesy car", "Photograph the car first.")], {
        description: "Lend cars to waiting customers.",
        standards: [{ category: "safety", text: "Check the tyres" }],
      }),
    );
    const diff = onlyChanges(diffRoles(baseDoc(), after));
    expect(taskOf(diff, "r2", "t7")).toMatchObject({ status: "added", description: "Use the **DMS** template." });
    expect(taskOf(diff, "r4", "t8")).toMatchObject({ status: "added", description: "Photograph the car first." });
    expect(byKey(diff, "r4")).toMatchObject({ status: "added", description: "Lend cars to waiting customers." });
    expect(byKey(diff, "r4").sections).toEqual([{ name: "standards", category: "safety", markdown: true, diff: [{ value: "Check the tyres", added: true }] }]);
    // An added responsibility counts once, not once per section.
    expect(diffRoles(baseDoc(), after).counts).toEqual({ added: 3, removed: 0, moved: 0, changed: 0 });
  });
});

describe("criteria and capabilities are compared by key", () => {
  const crit = (key: string, criterion: string, good = "") => ({ key, criterion, good });
  const withCriteria = (evaluation: RoleResponsibility["evaluation"], capabilities: RoleResponsibility["capabilities"] = []): RoleDoc => {
    const d = baseDoc();
    d.responsibilities[0] = { ...d.responsibilities[0], evaluation, capabilities };
    return d;
  };
  const section = (before: RoleDoc, after: RoleDoc, name: string) => byKey(diffRoles(before, after), "r1").sections.filter((s) => s.name === name);
  const text = (d: TextDiff) => d.map((p) => p.value).join("");
  const BEFORE = [crit("e-csi", "CSI score", "9 or higher"), crit("e-est", "Estimate sent", "within 30 minutes"), crit("e-up", "Upsell rate")];

  it("a renamed criterion with the same key reads as one change of that criterion, the others as they were", () => {
    const after = withCriteria([crit("e-csi", "Customer satisfaction score", "9 or higher"), BEFORE[1], BEFORE[2]]);
    const diff = diffRoles(withCriteria(BEFORE), after);
    const [evaluation] = byKey(diff, "r1").sections;
    expect(byKey(diff, "r1").sections).toHaveLength(1);
    expect(evaluation).toMatchObject({ name: "evaluation", markdown: true });
    expect(removedText(evaluation.diff)).toEqual(["CSI"]);
    expect(addedText(evaluation.diff)).toEqual(["Customer", "satisfaction "]);
    // As it reads now: the renamed criterion, then the unchanged ones, each its own paragraph; no key shows.
    expect(text(evaluation.diff.filter((p) => !p.removed))).toBe("Customer satisfaction score — 9 or higher\n\nEstimate sent — within 30 minutes\n\nUpsell rate");
    expect(text(evaluation.diff.filter((p) => !p.added))).toBe("CSI score — 9 or higher\n\nEstimate sent — within 30 minutes\n\nUpsell rate");
    expect(text(evaluation.diff)).not.toMatch(/e-csi|e-est|e-up/);
    expect(diff.counts).toEqual({ added: 0, removed: 0, moved: 0, changed: 1 });
  });

  it("the same new text under a new key reads as one criterion removed and another added, each whole", () => {
    const after = withCriteria([crit("e-new", "Customer satisfaction score", "9 or higher"), BEFORE[1], BEFORE[2]]);
    const [evaluation] = section(withCriteria(BEFORE), after, "evaluation");
    expect(removedText(evaluation.diff)).toEqual(["CSI score — 9 or higher"]);
    expect(addedText(evaluation.diff)).toEqual(["Customer satisfaction score — 9 or higher"]);
  });

  it("an added criterion is added whole where it stands, a removed one removed whole where it stood", () => {
    const after = withCriteria([BEFORE[0], crit("e-time", "On time", "every car"), BEFORE[2]]);
    const [evaluation] = section(withCriteria(BEFORE), after, "evaluation");
    expect(evaluation.diff).toEqual([
      { value: "CSI score — 9 or higher" },
      { value: "\n\n" },
      { value: "On time — every car", added: true },
      { value: "\n\n" },
      { value: "Estimate sent — within 30 minutes", removed: true },
      { value: "\n\n" },
      { value: "Upsell rate" },
    ]);
  });

  it("a criterion moved against the others reads as removed where it was and added where it is; nothing changed, nothing shown", () => {
    const [evaluation] = section(withCriteria(BEFORE), withCriteria([BEFORE[2], BEFORE[0], BEFORE[1]]), "evaluation");
    expect(removedText(evaluation.diff)).toEqual(["Upsell rate"]);
    expect(addedText(evaluation.diff)).toEqual(["Upsell rate"]);
    expect(section(withCriteria(BEFORE), withCriteria(structuredClone(BEFORE)), "evaluation")).toEqual([]);
  });

  it("a renamed capability with the same key reads as a change of that capability, under its kind", () => {
    const before = withCriteria([], [{ key: "c-dms", name: "DMS", kind: "technical" }, { key: "c-diag", name: "Diagnostics", kind: "technical" }]);
    const after = withCriteria([], [{ key: "c-dms", name: "DMS reporting", kind: "technical" }, { key: "c-diag", name: "Diagnostics", kind: "technical" }]);
    const sections = section(before, after, "capabilities");
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({ kind: "technical", markdown: false });
    expect(addedText(sections[0].diff)).toEqual([" reporting"]);
    expect(removedText(sections[0].diff)).toEqual([]);
    expect(text(sections[0].diff)).toBe("DMS reporting\nDiagnostics");
  });
});
