import type { ReactNode } from "react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { Markdown } from "@/components/markdown";
import { FaqForm, type FaqFormProps } from "@/components/faq/faq-form";
import { deleteFaqAction, publishFaqAction, saveFaqAction, unpublishFaqAction } from "@/app/(portal)/roles/[slug]/faq/actions";

/** The page around the FAQ form: the role it belongs to, where it came from, the form and its preview. */
export async function FaqPage({ form, title, notice }: { form: Omit<FaqFormProps, "actions">; title: string; notice?: ReactNode }) {
  const t = await getTranslations("faq");
  return (
    <div className="max-w-6xl">
      <p className="mb-2 text-sm">
        <Link href={`/roles/${form.role.slug}`} className="text-brand-700 hover:underline">
          ← {form.role.title}
        </Link>
        {form.concern ? (
          <>
            {" · "}
            <Link href={`/concerns/${form.concern.id}`} className="text-brand-700 hover:underline">
              {t("backToConcern")}
            </Link>
          </>
        ) : null}
      </p>
      <PageHeader title={title} description={t("form.intro", { role: form.role.title })} />
      {notice}
      <FaqForm
        {...form}
        answerPreview={form.entry.answer.trim() ? <Markdown className="mt-1 text-sm text-slate-700">{form.entry.answer}</Markdown> : null}
        actions={{ save: saveFaqAction, publish: publishFaqAction, unpublish: unpublishFaqAction, remove: deleteFaqAction }}
      />
    </div>
  );
}
