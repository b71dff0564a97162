"use client";

import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { sendPulseRoundAction } from "../actions";

/** Sends the previewed round (the target travels as hidden fields; lib/ checks it again), then shows the page with the new round. */
export function SendRoundForm({ teamId, jobRoleId, submitLabel }: { teamId: number | null; jobRoleId: number | null; submitLabel: string }) {
  const router = useRouter();
  return (
    <ActionForm action={sendPulseRoundAction} onSuccess={() => router.replace("/pulse/send?sent=1")}>
      <input type="hidden" name="teamId" value={teamId ?? ""} />
      <input type="hidden" name="jobRoleId" value={jobRoleId ?? ""} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
