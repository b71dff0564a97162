import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Markdown } from "@/components/markdown";
import { STANDARD_CATEGORIES, type RoleResponsibility, type RoleTask } from "@/lib/roles/doc";

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

/**
 * A role's responsibilities in order, each with its tasks, service standards, what to do when it
 * goes wrong, decision rights, how it is evaluated and the capabilities it needs.
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
  return (
    <ol className="space-y-4" aria-label={t("responsibilities")}>
      {responsibilities.map((r, i) => (
        <li key={r.key} id={`r-${r.key}`} className="rb-resp">
          <h3>
            <span aria-hidden>
              {i + 1}.
            </span>
            {r.title}
          </h3>
          {r.description ? <Markdown className="mt-1 text-slate-700">{r.description}</Markdown> : null}
          {r.tasks.length ? (
            <Section title={t("tasks", { count: r.tasks.length })}>
              <ul className="rb-rows rb-tasks">
                {r.tasks.map((task) => (
                  <li key={task.key} id={`t-${task.key}`}>
                    <p>{task.title}</p>
                    {task.description ? <Markdown>{task.description}</Markdown> : null}
                    {taskExtra?.(task)}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {r.standards.length ? (
            <Section title={d("standards")}>
              <dl className="rb-standards">
                {STANDARD_CATEGORIES.filter((c) => r.standards.some((s) => s.category === c)).map((c) => (
                  <div key={c}>
                    <dt>{d(`category.${c}`)}</dt>
                    {r.standards
                      .filter((s) => s.category === c)
                      .map((s, j) => (
                        <dd key={j}>
                          <Markdown>{s.text}</Markdown>
                        </dd>
                      ))}
                  </div>
                ))}
              </dl>
            </Section>
          ) : null}
          {r.whenWrong.steps || r.whenWrong.escalateTo ? (
            <Section title={d("whenWrong")}>
              {r.whenWrong.steps ? <Markdown>{r.whenWrong.steps}</Markdown> : null}
              {r.whenWrong.escalateTo ? (
                <p className="mt-1">
                  <span className="font-medium">{d("escalateTo")}:</span> {r.whenWrong.escalateTo}
                </p>
              ) : null}
            </Section>
          ) : null}
          {r.decisionRights.length ? (
            <Section title={d("decisionRights")}>
              <ul className="list-disc space-y-1 pl-5">
                {r.decisionRights.map((x, j) => (
                  <li key={j}>
                    <span className="font-medium">{x.decision}</span>
                    {x.limit ? <span className="text-slate-600"> — {x.limit}</span> : null}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {r.evaluation.length ? (
            <Section title={d("evaluation")}>
              <ul className="space-y-1">
                {r.evaluation.map((x, j) => (
                  <li key={j}>
                    <span className="font-medium">{x.criterion}</span>
                    {x.good ? <Markdown className="text-slate-600">{x.good}</Markdown> : null}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
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
      ))}
    </ol>
  );
}
