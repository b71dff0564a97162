import { describe, expect, it } from "vitest";
import { acceptsAddendum, afterAnswer, afterReply, afterReview } from "./conversation-state";
import { EVALUATION_STATUSES } from "./vocabulary";

describe("the state machine after release", () => {
  it("released → closed (understood) | questioned | disagreed", () => {
    expect(afterAnswer("released", "understood", false)).toEqual({ status: "closed", outcome: "understood", escalates: false });
    expect(afterAnswer("released", "question", false)).toEqual({ status: "questioned", outcome: null, escalates: false });
    expect(afterAnswer("released", "disagree", false)).toEqual({ status: "disagreed", outcome: null, escalates: false });
  });

  it("answered → closed | questioned | disagreed, or escalated when the employee disagreed before", () => {
    expect(afterAnswer("answered", "understood", true)?.status).toBe("closed");
    expect(afterAnswer("answered", "question", true)?.status).toBe("questioned");
    expect(afterAnswer("answered", "disagree", false)).toEqual({ status: "disagreed", outcome: null, escalates: false });
    expect(afterAnswer("answered", "disagree", true)).toEqual({ status: "escalated", outcome: null, escalates: true });
  });

  it("the employee cannot answer before release, while a reply or review is awaited, or once closed", () => {
    for (const status of ["draft", "self_assessment", "questioned", "disagreed", "escalated", "closed"] as const)
      for (const answer of ["understood", "question", "disagree"] as const) expect(afterAnswer(status, answer, true), `${status} ${answer}`).toBeNull();
  });

  it("a reply answers only a question or a disagreement", () => {
    expect(afterReply("questioned")?.status).toBe("answered");
    expect(afterReply("disagreed")?.status).toBe("answered");
    for (const status of EVALUATION_STATUSES.filter((s) => s !== "questioned" && s !== "disagreed")) expect(afterReply(status), status).toBeNull();
  });

  it("a review closes only a kept disagreement, recorded as kept", () => {
    expect(afterReview("escalated")).toEqual({ status: "closed", outcome: "disagreement_kept", escalates: false });
    for (const status of EVALUATION_STATUSES.filter((s) => s !== "escalated")) expect(afterReview(status), status).toBeNull();
  });

  it("addenda follow release at any point, never a draft", () => {
    expect(EVALUATION_STATUSES.filter(acceptsAddendum)).toEqual(["released", "questioned", "disagreed", "answered", "escalated", "closed"]);
  });
});
