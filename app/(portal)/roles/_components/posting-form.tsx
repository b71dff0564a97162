"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton, TextField } from "@/components/ui/form";
import { POSTING_LOCATION_MAX } from "@/lib/core/limits";
import type { PostingControls } from "@/lib/roles/postings";
import { setPostingAction } from "../actions";

/** HR publishes or withdraws the public job advert of a role. */
export function PostingForm({ slug, posting }: { slug: string; posting: PostingControls }) {
  const { published, location, defaultLocation, applyEmail, applyUrl } = posting;
  const apply = [applyEmail, applyUrl].filter(Boolean).join(" · ");
  const t = useTranslations("postings");
  const router = useRouter();
  return (
    <ActionForm action={setPostingAction} onSuccess={() => router.refresh()} className="space-y-3">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="published" value={published ? "false" : "true"} />
      {published ? (
        <p className="text-sm">
          {t("isPublic")}{" "}
          <a href={`/jobs/${slug}`} className="text-brand-700 underline" target="_blank" rel="noopener">
            /jobs/{slug}
          </a>
        </p>
      ) : (
        <p className="text-sm text-slate-600">{t("notPublic")}</p>
      )}
      <TextField
        name="location"
        label={t("location")}
        hint={defaultLocation ? t("locationDefault", { location: defaultLocation }) : t("locationNoDefault")}
        defaultValue={location}
        maxLength={POSTING_LOCATION_MAX}
      />
      <p className="text-xs text-slate-600">{apply ? t("applyFrom", { apply }) : t("applyMissing")}</p>
      <SubmitButton variant={published ? "secondary" : "primary"}>{published ? t("withdraw") : t("publish")}</SubmitButton>
    </ActionForm>
  );
}
