import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { ResponsibilityList, ToolsCard } from "@/components/roles/responsibility-list";
import type { ContentsEntry } from "@/lib/communication/role-reading";
import type { RoleDoc } from "@/lib/roles/doc";

/**
 * A whole role version to read from start to end: a contents list of its responsibilities (links
 * to their anchors), the purpose, the tools, then every responsibility in full.
 */
export async function WholeRole({ doc, contents, footer }: { doc: RoleDoc; contents: ContentsEntry[]; footer?: Record<string, ReactNode> }) {
  const t = await getTranslations("roleReading");
  const v = await getTranslations("versions");
  return (
    <div className="space-y-6" data-testid="whole-role">
      {contents.length ? (
        <nav aria-labelledby="role-contents" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="role-contents" className="rb-section-title">
            {t("contents")}
          </h2>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
            {contents.map((c) => (
              <li key={c.key}>
                <a href={`#r-${c.key}`} className="text-brand-700 underline">
                  {c.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {doc.purpose ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="role-purpose">
          <h2 id="role-purpose" className="rb-section-title">
            {v("purpose")}
          </h2>
          <Markdown className="mt-1">{doc.purpose}</Markdown>
        </section>
      ) : null}
      <ToolsCard tools={doc.tools ?? []} />
      <ResponsibilityList responsibilities={doc.responsibilities} footer={footer} />
    </div>
  );
}
