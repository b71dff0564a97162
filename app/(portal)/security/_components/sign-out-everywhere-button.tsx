"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { endAllSessionsAction } from "../sessions-actions";

/** "Sign out everywhere": ends every session of the person, this one too, then the sign-in page. */
export function SignOutEverywhereButton() {
  const t = useTranslations("security.sessions");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        disabled={pending}
        aria-busy={pending || undefined}
        className={buttonClass("danger")}
        onClick={() => {
          if (!window.confirm(t("endAllConfirm"))) return;
          startTransition(async () => {
            const result = await endAllSessionsAction(null, {});
            if (result.ok) router.replace("/sign-in");
            else setError(result.error);
          });
        }}
      >
        {t("endAll")}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
