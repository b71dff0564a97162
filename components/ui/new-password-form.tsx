"use client";

import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import type { ActionResult } from "@/lib/core/action-types";

type ActionState = ActionResult<unknown> | null;

export type NewPasswordLabels = { password: string; passwordHint: string; repeat: string; submit: string };

/**
 * The form behind a one-time link that sets a password (an invitation's first password, a reset):
 * the new password twice, with the link's token. It posts without JavaScript too.
 */
export function NewPasswordForm({
  token,
  action,
  labels,
}: {
  token: string;
  action: (prev: ActionState, data: FormData) => Promise<ActionState>;
  labels: NewPasswordLabels;
}) {
  return (
    <ActionForm action={action} className="space-y-4" method="post">
      <input type="hidden" name="token" value={token} />
      <TextField name="password" label={labels.password} hint={labels.passwordHint} type="password" autoComplete="new-password" required />
      <TextField name="repeat" label={labels.repeat} type="password" autoComplete="new-password" required />
      <SubmitButton>{labels.submit}</SubmitButton>
    </ActionForm>
  );
}
