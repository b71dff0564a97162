"use client";

import { ActionForm, SubmitButton } from "@/components/ui/form";
import { sendPulseRoundAction } from "../actions";

/** Sends the previewed round (the target travels as hidden fields; lib/ checks it again). */
export function SendRoundForm({ teamId, jobRoleId, submitLabel, successMessage }: { teamId: number | null; jobRoleId: number | null; submitLabel: string; successMessage: string }) {
  return (
    <ActionForm action={sendPulseRoundAction} successMessage={successMessage}>
      <input type="hidden" name="teamId" value={teamId ?? ""} />
      <input type="hidden" name="jobRoleId" value={jobRoleId ?? ""} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
