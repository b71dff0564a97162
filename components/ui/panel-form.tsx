"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/ui/form";

/**
 * A titled form in a panel, for one step on a record's page (answer, reply, close, forward…): the
 * heading names the form, `hidden` fields carry the record's id and revision, and on success the
 * page is refreshed so it shows the new state.
 */
export function PanelForm({
  action,
  heading,
  level = 2,
  intro,
  hidden,
  testId,
  successMessage,
  resetOnSuccess,
  children,
}: {
  action: ComponentProps<typeof ActionForm>["action"];
  heading: string;
  level?: 2 | 3;
  intro?: string;
  hidden: Record<string, string | number | undefined>;
  testId?: string;
  successMessage?: string;
  resetOnSuccess?: boolean;
  children: ReactNode;
}) {
  const router = useRouter();
  const headingId = useId();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <ActionForm
      action={action}
      onSuccess={() => router.refresh()}
      resetOnSuccess={resetOnSuccess}
      successMessage={successMessage}
      aria-labelledby={headingId}
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4"
      data-testid={testId}
    >
      <Heading id={headingId} className="font-semibold text-slate-900">
        {heading}
      </Heading>
      {intro ? <p className="text-sm text-slate-700">{intro}</p> : null}
      {Object.entries(hidden).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />))}
      {children}
    </ActionForm>
  );
}
