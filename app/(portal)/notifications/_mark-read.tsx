"use client";

import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/form";
import { markReadAction } from "./actions";

export function MarkRead({ id, label }: { id?: number; label: string }) {
  const router = useRouter();
  return (
    <ActionForm action={markReadAction} onSuccess={() => router.refresh()}>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <SubmitButton variant="secondary">{label}</SubmitButton>
    </ActionForm>
  );
}
