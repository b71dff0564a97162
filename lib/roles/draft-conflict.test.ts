import { describe, expect, it } from "vitest";
import { emptyResponsibility, type RoleDoc } from "@/lib/roles/doc";
import { applyMine, conflictFields } from "@/lib/roles/draft-conflict";

const base: RoleDoc = {
  title: "Parts Clerk",
  purpose: "Keep parts moving.",
  tools: ["DMS"],
  responsibilities: [
    {
      ...emptyResponsibility("r1"),
      title: "Returns",
      description: "Handle returns.",
      tasks: [
        { key: "t1", title: "Warranty paperwork", description: "Fill in the claim." },
        { key: "t2", title: "Core returns", description: "" },
      ],
    },
    { ...emptyResponsibility("r2"), title: "Stock", description: "", tasks: [] },
  ],
};
const edit = (f: (d: RoleDoc) => void) => {
  const d = structuredClone(base);
  f(d);
  return d;
};

describe("conflictFields", () => {
  it("lists the fields this person changed that differ from the saved draft, with both texts", () => {
    const mine = edit((d) => {
      d.purpose = "My purpose.";
      d.responsibilities[0].tasks[0].description = "My claim steps.";
      d.title = "Parts Clerk"; // unchanged
    });
    const theirs = edit((d) => {
      d.purpose = "Their purpose.";
      d.title = "Parts Specialist";
    });
    expect(conflictFields(base, mine, theirs)).toEqual([
      { id: "purpose", kind: "purpose", context: null, mine: "My purpose.", theirs: "Their purpose." },
      { id: "t:t1:description", kind: "taskDescription", context: "Warranty paperwork", mine: "My claim steps.", theirs: "Fill in the claim." },
    ]);
  });

  it("does not list a change both people made the same way, nor fields only the other person changed", () => {
    const mine = edit((d) => (d.purpose = "Same."));
    const theirs = edit((d) => {
      d.purpose = "Same.";
      d.responsibilities[1].title = "Stock and bins";
    });
    expect(conflictFields(base, mine, theirs)).toEqual([]);
  });

  it("offers a responsibility or task this person added, or one the other person removed after this person changed it", () => {
    const mine = edit((d) => {
      d.responsibilities.push({ ...emptyResponsibility("r3"), title: "Courier", description: "Book couriers." });
      d.responsibilities[1].description = "Count bins.";
      d.responsibilities[0].tasks.push({ key: "t3", title: "Label returns", description: "" });
    });
    const theirs = edit((d) => d.responsibilities.splice(1, 1));
    const fields = conflictFields(base, mine, theirs);
    expect(fields.map((f) => [f.id, f.theirs])).toEqual([
      ["t:t3", null],
      ["r:r2", null],
      ["r:r3", null],
    ]);
    expect(fields.find((f) => f.id === "r:r2")!.mine).toBe("Stock\nCount bins.");
  });

  it("lists what this person removed and the saved draft still has", () => {
    const mine = edit((d) => d.responsibilities[0].tasks.splice(1, 1));
    const theirs = edit((d) => (d.title = "Other"));
    expect(conflictFields(base, mine, theirs)).toEqual([{ id: "t:t2", kind: "task", context: "Returns", mine: null, theirs: "Core returns" }]);
  });
});

describe("applyMine", () => {
  it("puts this person's text back into the saved draft, one field at a time, keeping the other person's changes", () => {
    const mine = edit((d) => {
      d.purpose = "My purpose.";
      d.responsibilities[0].tasks[0].description = "My claim steps.";
      d.responsibilities[0].standards = [{ category: "safety", text: "Gloves on." }];
    });
    const theirs = edit((d) => {
      d.title = "Parts Specialist";
      d.purpose = "Their purpose.";
    });
    let doc = applyMine(theirs, mine, "purpose");
    expect(doc.purpose).toBe("My purpose.");
    expect(doc.title).toBe("Parts Specialist");
    expect(theirs.purpose).toBe("Their purpose."); // not mutated
    doc = applyMine(doc, mine, "t:t1:description");
    expect(doc.responsibilities[0].tasks[0]).toEqual({ key: "t1", title: "Warranty paperwork", description: "My claim steps." });
    doc = applyMine(doc, mine, "r:r1:sections");
    expect(doc.responsibilities[0].standards).toEqual([{ category: "safety", text: "Gloves on." }]);
    expect(conflictFields(base, mine, doc)).toEqual([]);
  });

  it("re-adds a responsibility or task, and removes what this person removed", () => {
    const mine = edit((d) => {
      d.responsibilities.push({ ...emptyResponsibility("r3"), title: "Courier" });
      d.responsibilities[0].tasks.push({ key: "t3", title: "Label returns", description: "" });
      d.responsibilities[0].tasks.splice(1, 1);
    });
    let doc = applyMine(base, mine, "r:r3");
    doc = applyMine(doc, mine, "t:t3");
    doc = applyMine(doc, mine, "t:t2");
    expect(doc.responsibilities.map((r) => r.key)).toEqual(["r1", "r2", "r3"]);
    expect(doc.responsibilities[0].tasks.map((t) => t.key)).toEqual(["t1", "t3"]);
  });

  it("criteria and capabilities keep their keys when this person's sections are put back, and no key shows in the texts", () => {
    const keyed = edit((d) => {
      d.responsibilities[0].evaluation = [
        { key: "c-time", criterion: "Returns on time", good: "within 2 days" },
        { key: "c-right", criterion: "Right part", good: "" },
      ];
      d.responsibilities[0].capabilities = [{ key: "k-dms", name: "DMS", kind: "technical" }];
    });
    // This person renamed a criterion and added one; the other person moved the criteria and added a capability.
    const mine = structuredClone(keyed);
    mine.responsibilities[0].evaluation[0].criterion = "Returns processed on time";
    mine.responsibilities[0].evaluation.push({ key: "c-new", criterion: "Labelled", good: "" });
    const theirs = structuredClone(keyed);
    theirs.responsibilities[0].evaluation.reverse();
    theirs.responsibilities[0].capabilities.push({ key: "k-label", name: "Label printer", kind: "technical" });

    const fields = conflictFields(keyed, mine, theirs);
    expect(fields.map((f) => f.id)).toEqual(["r:r1:sections"]);
    expect(fields[0].mine).toContain("Returns processed on time");
    expect(`${fields[0].mine}\n${fields[0].theirs}`).not.toMatch(/c-time|c-right|c-new|k-dms|k-label/);

    const doc = applyMine(theirs, mine, "r:r1:sections");
    expect(doc.responsibilities[0].evaluation.map((c) => [c.key, c.criterion])).toEqual([
      ["c-time", "Returns processed on time"],
      ["c-right", "Right part"],
      ["c-new", "Labelled"],
    ]);
    expect(doc.responsibilities[0].capabilities.map((c) => c.key)).toEqual(["k-dms"]);
    // Only the other person changed the criteria: nothing to offer, their order stands with its keys.
    expect(conflictFields(keyed, keyed, theirs)).toEqual([]);
  });
});
