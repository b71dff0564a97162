import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { TaskThreadCounts } from "@/lib/threads/read";

/**
 * "Discuss (n)" next to a task: opens the task's threads, or the form to start one when there are
 * none and the reader holds the role. Counts come from one query per page (threadCountsForRole).
 */
export function DiscussLink({ counts, roleId, task }: { counts: TaskThreadCounts; roleId: number; task: { key: string; title: string } }) {
  const taskKey = task.key;
  const t = useTranslations("threads");
  if (!counts.visible) return null;
  const c = counts.byTask[taskKey];
  const n = c ? c.open + c.solved : 0;
  if (n === 0 && !counts.mayStart) return null;
  const q = `role=${roleId}&task=${encodeURIComponent(taskKey)}`;
  return (
    <Link href={n === 0 ? `/threads/new?${q}` : `/threads?${q}`} className="text-sm text-brand-700 underline" data-testid="discuss-link">
      {t("discuss", { count: n })}
      <span className="sr-only">: {task.title}</span>
    </Link>
  );
}
