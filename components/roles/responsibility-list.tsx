import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { responsibilityParts, type ResponsibilityLabels } from "@/components/roles/responsibility-html";
import type { RoleResponsibility, RoleTask } from "@/lib/roles/doc";

/** One part of a responsibility: styled from app/globals.css (.rb-sec), not by a class on each element. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rb-sec">
      <h4>{title}</h4>
      {children}
    </div>
  );
}

/** The tools, systems and access a role needs. */
export async function ToolsCard({ tools }: { tools: string[] }) {
  if (!tools.length) return null;
  const d = await getTranslations("roleDoc");
  return (
    <section className="rb-card" aria-labelledby="role-tools">
      <h2 id="role-tools" className="rb-section-title">
        {d("tools")}
      </h2>
      <ul className="mt-2 list-disc space-y-0.5 pl-5 text-sm text-slate-800">
        {tools.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </section>
  );
}

/** A part written once as HTML (./responsibility-html.ts), in its `.rb-sec` block. */
function Written({ html }: { html: string | null }) {
  return html ? <div className="rb-sec" dangerouslySetInnerHTML={{ __html: html }} /> : null;
}

/**
 * A role's responsibilities in order, each with its tasks, service standards, what to do when it
 * goes wrong, decision rights, how it is evaluated and the capabilities it needs.
 *
 * What reads the same for everyone (tasks, standards, what to do when it goes wrong, decision
 * rights, evaluation) is written once per language and content as HTML and reused
 * (responsibilityParts); every text in it is escaped and its Markdown sanitized there. The title,
 * description and capability links stay elements, and the tasks too when `taskExtra` adds
 * something to each.
 */
export async function ResponsibilityList({
  responsibilities,
  footer,
  taskExtra,
}: {
  responsibilities: RoleResponsibility[];
  /** Shown at the end of a responsibility, by its key (e.g. its questions and answers). */
  footer?: Record<string, ReactNode>;
  /** Something to show under each task (e.g. its "Discuss" link). */
  taskExtra?: (task: RoleTask) => ReactNode;
}) {
  const t = await getTranslations("roles");
  const d = await getTranslations("roleDoc");
  if (!responsibilities.length) return <p className="text-slate-600">{t("noResponsibilities")}</p>;
  const locale = await getLocale();
  const labels: ResponsibilityLabels = {
    tasks: (count) => t("tasks", { count }),
    standards: d("standards"),
    category: (c) => d(`category.${c}`),
    whenWrong: d("whenWrong"),
    escalateTo: d("escalateTo"),
    decisionRights: d("decisionRights"),
    evaluation: d("evaluation"),
  };
  return (
    <ol className="space-y-4" aria-label={t("responsibilities")}>
      {responsibilities.map((r, i) => {
        const parts = responsibilityParts(r, locale, labels);
        return (
          <li key={r.key} id={`r-${r.key}`} className="rb-resp">
            <h3>
              <span aria-hidden>
                {i + 1}.
              </span>
              {r.title}
            </h3>
            {r.description ? <Markdown className="mt-1 text-slate-700">{r.description}</Markdown> : null}
            {r.tasks.length && taskExtra ? (
              <Section title={labels.tasks(r.tasks.length)}>
                <ul className="rb-rows rb-tasks">
                  {r.tasks.map((task) => (
                    <li key={task.key} id={`t-${task.key}`}>
                      <p>{task.title}</p>
                      {task.description ? <Markdown>{task.description}</Markdown> : null}
                      {taskExtra(task)}
                    </li>
                  ))}
                </ul>
              </Section>
            ) : (
              <Written html={parts.tasks} />
            )}
            <Written html={parts.standards} />
            <Written html={parts.whenWrong} />
            <Written html={parts.decisionRights} />
            <Written html={parts.evaluation} />
            {r.capabilities.length ? (
              <Section title={d("capabilities")}>
                <ul className="flex flex-wrap gap-2">
                  {r.capabilities.map((c, j) => (
                    <li key={j} className="rb-chip">
                      <Link href={`/capabilities/${encodeURIComponent(c.key)}`} className="rb-link">
                        {c.name}
                      </Link>{" "}
                      <span className="text-slate-600">· {d(`kind.${c.kind}`)}</span>
                    </li>
                  ))}
                </ul>
              </Section>
            ) : null}
            {footer?.[r.key]}
          </li>
        );
      })}
    </ol>
  );
}
