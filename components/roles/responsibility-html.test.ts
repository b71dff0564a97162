import { describe, expect, it } from "vitest";
import { emptyResponsibility, type RoleResponsibility } from "@/lib/roles/doc";
import { buildResponsibilityParts, responsibilityParts, type ResponsibilityLabels } from "./responsibility-html";

const labels: ResponsibilityLabels = {
  tasks: (n) => `${n} tasks`,
  standards: "Service standards",
  category: (c) => `Category ${c}`,
  whenWrong: "When it goes wrong",
  escalateTo: "Escalate to",
  decisionRights: "Decision rights",
  evaluation: "How it is evaluated",
};

function responsibility(extra: Partial<RoleResponsibility> = {}): RoleResponsibility {
  return {
    ...emptyResponsibility("r1"),
    title: "Vehicle handover",
    tasks: [
      { key: "t1", title: "Explain the invoice", description: "Go through **labour** and parts." },
      { key: "t2", title: "Offer the old parts", description: "" },
    ],
    standards: [
      { category: "speed", text: "Within *10 minutes*." },
      { category: "gestures", text: "Smile." },
      { category: "speed", text: "Invoice printed before." },
    ],
    whenWrong: { steps: "1. Call the customer\n2. Offer a courtesy car", escalateTo: "Workshop Foreman" },
    decisionRights: [{ decision: "Waive a small charge", limit: "Up to €25" }, { decision: "Book a courtesy car", limit: "" }],
    evaluation: [{ key: "e1", criterion: "Invoice queries", good: "Fewer than 1 in 20" }],
    ...extra,
  } as RoleResponsibility;
}

describe("a responsibility's parts as HTML (issue 15)", () => {
  it("writes each part as its block's inner HTML, in the layout the page styles (.rb-tasks, .rb-standards…)", () => {
    const p = buildResponsibilityParts(responsibility(), labels);
    expect(p.tasks).toBe(
      '<h4>2 tasks</h4><ul class="rb-rows rb-tasks"><li id="t-t1"><p>Explain the invoice</p><div class="prose-rb"><p>Go through <strong>labour</strong> and parts.</p></div></li><li id="t-t2"><p>Offer the old parts</p></li></ul>',
    );
    // Categories in the vocabulary's order, each with its standards in the document's order.
    expect(p.standards).toMatch(/^<h4>Service standards<\/h4><dl class="rb-standards"><div><dt>Category gestures<\/dt><dd>.*Smile.*<\/dd><\/div><div><dt>Category speed<\/dt><dd>.*<em>10 minutes<\/em>.*<\/dd><dd>.*Invoice printed before.*<\/dd><\/div><\/dl>$/);
    expect(p.whenWrong).toBe(
      '<h4>When it goes wrong</h4><div class="prose-rb"><ol><li>Call the customer</li><li>Offer a courtesy car</li></ol></div><p class="mt-1"><span class="font-medium">Escalate to:</span> Workshop Foreman</p>',
    );
    expect(p.decisionRights).toBe(
      '<h4>Decision rights</h4><ul class="list-disc space-y-1 pl-5"><li><span class="font-medium">Waive a small charge</span><span class="text-slate-600"> — Up to €25</span></li><li><span class="font-medium">Book a courtesy car</span></li></ul>',
    );
    expect(p.evaluation).toBe(
      '<h4>How it is evaluated</h4><ul class="space-y-1"><li><span class="font-medium">Invoice queries</span><div class="prose-rb text-slate-600"><p>Fewer than 1 in 20</p></div></li></ul>',
    );
  });

  it("leaves out empty parts", () => {
    const p = buildResponsibilityParts(responsibility({ tasks: [], standards: [], whenWrong: { steps: "", escalateTo: "" }, decisionRights: [], evaluation: [] }), labels);
    expect(p).toEqual({ tasks: null, standards: null, whenWrong: null, decisionRights: null, evaluation: null });
  });

  it("escapes every plain text and sanitizes every Markdown text: no HTML from the document reaches the page", () => {
    const evil = '<img src=x onerror="alert(1)">';
    const p = buildResponsibilityParts(
      responsibility({
        tasks: [{ key: "t1", title: evil, description: `${evil} [x](javascript:alert(1)) ![i](https://evil.example/i.png)` }],
        standards: [{ category: "speed", text: "<script>alert(2)</script>" }],
        whenWrong: { steps: "", escalateTo: '"><script>alert(3)</script>' },
        decisionRights: [{ decision: evil, limit: "<b>25</b>" }],
        evaluation: [{ key: "e1", criterion: "</li><script>", good: "<iframe src=//evil.example>" }],
      }),
      { ...labels, escalateTo: "<i>Escalate</i>" },
    );
    const all = Object.values(p).join("");
    expect(all).not.toMatch(/<(img|script|iframe|b|i)[\s>]/);
    expect(all).not.toContain("javascript:");
    expect(all).toContain("&lt;img src=x onerror=\"alert(1)\">");
    expect(all).toContain("&lt;script>alert(2)&lt;/script>");
    expect(p.whenWrong).toContain('<span class="font-medium">&lt;i>Escalate&lt;/i>:</span> ">&lt;script>alert(3)&lt;/script></p>');
    expect(p.tasks).toContain('<a rel="noopener noreferrer nofollow">x</a>');
  });

  it("is written once per language and content, then reused; an edited responsibility or another language is written anew", () => {
    const r = responsibility({ key: `r-${Math.random()}` });
    const first = responsibilityParts(r, "en", labels);
    expect(responsibilityParts(structuredClone(r), "en", labels)).toBe(first);
    const nl = responsibilityParts(r, "nl", { ...labels, standards: "Servicenormen" });
    expect(nl).not.toBe(first);
    expect(nl.standards).toContain("<h4>Servicenormen</h4>");
    const edited = responsibilityParts({ ...r, decisionRights: [{ decision: "Refund up to €50", limit: "" }] }, "en", labels);
    expect(edited).not.toBe(first);
    expect(edited.decisionRights).toContain("Refund up to €50");
  });
});
