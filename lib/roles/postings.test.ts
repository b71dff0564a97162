import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, jobRoles, organisation } from "@/db/schema";
import { actorFor, useSeededTestDb } from "@/lib/test/db";
import { getPublicPosting, listPublicPostings, setPosting } from "@/lib/roles/postings";
import { jobPostingData, jsonLdScript } from "@/lib/roles/posting-jsonld";
import type { RoleDoc } from "@/lib/roles/doc";

beforeAll(async () => {
  await useSeededTestDb();
});

const doc = (title: string, purpose = "Greets customers."): RoleDoc => ({ title, purpose, responsibilities: [] });

describe("JSON-LD of a posting", () => {
  const facts = {
    title: "Service Advisor",
    doc: doc("Service Advisor"),
    datePosted: "2026-11-28T09:00:00.000Z",
    employer: "Van Dijk Auto Rotterdam",
    location: "Rotterdam-Noord",
    applyEmail: "jobs@example.com",
    applyUrl: "",
  };

  it("describes a schema.org JobPosting with employer, place and how to apply", () => {
    expect(jobPostingData(facts)).toEqual({
      "@context": "https://schema.org",
      "@type": "JobPosting",
      title: "Service Advisor",
      description: "Greets customers.",
      datePosted: "2026-11-28",
      hiringOrganization: { "@type": "Organization", name: "Van Dijk Auto Rotterdam" },
      jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", addressLocality: "Rotterdam-Noord" } },
      directApply: false,
      applicationContact: { "@type": "ContactPoint", email: "jobs@example.com" },
    });
    expect(jobPostingData({ ...facts, applyEmail: "", applyUrl: "https://x.example/apply", employmentType: "FULL_TIME" })).toMatchObject({
      applicationContact: { "@type": "ContactPoint", url: "https://x.example/apply" },
      employmentType: "FULL_TIME",
    });
  });

  it("escapes < so role text cannot close the script tag, and still parses back to the same text", () => {
    const evil = 'Advisor</script><script>alert("x")</script><!--';
    const out = jsonLdScript(jobPostingData({ ...facts, title: evil, doc: doc(evil, "A & B > C\u2028 D") }));
    expect(out).not.toMatch(/</);
    expect(out).not.toMatch(/>/);
    expect(out.toLowerCase()).not.toContain("</script");
    const parsed = JSON.parse(out);
    expect(parsed.title).toBe(evil);
    expect(parsed.description).toBe("A & B > C\u2028 D");
  });
});

describe("public postings", () => {
  it("/jobs lists only published postings, each with a location", () => {
    const list = listPublicPostings();
    expect(list.rows.map((r) => r.slug)).toEqual(["service-advisor"]);
    expect(list.rows[0]).toMatchObject({ title: "Service Advisor", location: "Rotterdam-Noord" });
    expect(list.employer).toBe("Van Dijk Auto Rotterdam");
  });

  it("a withdrawn posting leaves the list; publishing adds it, with the default location when it has none", () => {
    const hr = actorFor("hr@example.com");
    getDb().update(organisation).set({ location: "Rotterdam", applyUrl: "javascript:alert(1)" }).where(eq(organisation.id, 1)).run();
    setPosting(hr, "customer-care-agent", { published: true, location: "" });
    expect(listPublicPostings().rows.map((r) => r.slug).sort()).toEqual(["customer-care-agent", "service-advisor"]);
    const cca = getPublicPosting("customer-care-agent")!;
    expect(cca).toMatchObject({ title: "Customer Care Agent", location: "Rotterdam", employer: "Van Dijk Auto Rotterdam", applyEmail: "jobs@vandijk-auto.example" });
    // Only a web address becomes a link.
    expect(cca.applyUrl).toBe("");
    // The posting's own location overrides the default.
    expect(getPublicPosting("service-advisor")!.location).toBe("Rotterdam-Noord");

    setPosting(hr, "customer-care-agent", { published: false, location: "" });
    expect(listPublicPostings().rows.map((r) => r.slug)).toEqual(["service-advisor"]);
    expect(getPublicPosting("customer-care-agent")).toBeNull();
  });

  it("publishing records what changed in the audit detail", () => {
    const hr = actorFor("hr@example.com");
    setPosting(hr, "customer-care-agent", { published: true, location: "Utrecht" });
    const role = getDb().select({ id: jobRoles.id }).from(jobRoles).where(eq(jobRoles.slug, "customer-care-agent")).get()!;
    const rows = getDb().select().from(auditLog).where(eq(auditLog.entityId, String(role.id))).all();
    const last = rows.at(-1)!;
    expect(last.action).toBe("posting.publish");
    expect(JSON.parse(last.detail)).toEqual({ changes: { published: { from: false, to: true }, location: { from: "", to: "Utrecht" } } });
  });
});
