import type { RoleDoc } from "@/lib/roles/doc";

/** What a public posting needs to describe itself to search engines (schema.org JobPosting). */
export type JobPostingFacts = {
  title: string;
  doc: RoleDoc;
  /** YYYY-MM-DD or an ISO timestamp. */
  datePosted: string;
  employer: string;
  location: string;
  applyEmail: string;
  applyUrl: string;
  /** schema.org employmentType (FULL_TIME, PART_TIME…), when known. */
  employmentType?: string | null;
};

/** A plain-text description: the purpose, then each responsibility and its tasks. */
export function postingDescription(doc: RoleDoc): string {
  const parts = [doc.purpose.trim()];
  for (const r of doc.responsibilities) {
    const lines = [r.title, r.description.trim(), ...r.tasks.map((t) => `- ${t.title}`)].filter(Boolean);
    parts.push(lines.join("\n"));
  }
  return parts.filter(Boolean).join("\n\n");
}

/** The schema.org JobPosting object for a public posting. */
export function jobPostingData(p: JobPostingFacts): Record<string, unknown> {
  const contact =
    p.applyEmail || p.applyUrl
      ? {
          "@type": "ContactPoint",
          ...(p.applyEmail ? { email: p.applyEmail } : {}),
          ...(p.applyUrl ? { url: p.applyUrl } : {}),
        }
      : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: p.title,
    description: postingDescription(p.doc),
    datePosted: p.datePosted.slice(0, 10),
    ...(p.employer ? { hiringOrganization: { "@type": "Organization", name: p.employer } } : {}),
    ...(p.location
      ? { jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", addressLocality: p.location } } }
      : {}),
    // Applicants apply by email or on the employer's own site, not on this page.
    directApply: false,
    ...(contact ? { applicationContact: contact } : {}),
    ...(p.employmentType ? { employmentType: p.employmentType } : {}),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` (and the JavaScript line
 * separators) are written as \u escapes, so text from a role description can never close the
 * script tag or open a comment. JSON.parse reads the escapes back as the same characters.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
