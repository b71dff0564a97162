import type { Metadata } from "next";
import { cache } from "react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { Markdown } from "@/components/markdown";
import { ResponsibilityList, ToolsCard } from "@/components/roles/responsibility-list";
import { Card, PageHeader } from "@/components/ui/card";
import { can, mayEditRole } from "@/lib/auth/policy";
import { found, slugParam } from "@/lib/core/page";
import { postingStatus } from "@/lib/roles/postings";
import { getRoleBySlug } from "@/lib/roles/catalog";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge } from "@/components/ui/card";
import { PostingForm } from "../_components/posting-form";
import { requireActor } from "@/lib/auth/session";
import { faqFooters } from "@/components/faq/faq-list";
import { faqForRole } from "@/lib/faq/read";
import { threadCountsForRole } from "@/lib/threads/read";
import { DiscussLink } from "../../threads/_components/discuss-link";
import { roleCustomerFacing } from "@/lib/feedback/links";
import { CustomerFacingCard } from "../../feedback/links/_components/customer-facing-card";
import { HolderList } from "../_components/holder-list";

type Props = { params: Promise<{ slug: string }> };

/** The role, read once per request: the title and the page both need it (React's request cache). */
const roleOf = cache(async (slug: string) => {
  const actor = await requireActor();
  return found(() => getRoleBySlug(actor, slug));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await roleOf(slugParam((await params).slug))).title };
}

export default async function RolePage({ params }: Props) {
  const actor = await requireActor();
  const role = await roleOf(slugParam((await params).slug));
  const t = await getTranslations("roles");
  const format = await getFormatter();
  const canOpenPeople = can(actor, "people.read");
  const hidden = role.holderCount - role.visibleHolderCount;
  const canEdit = mayEditRole(actor, role.id);
  const discuss = threadCountsForRole(actor, role.id);
  const posting = can(actor, "postings.manage") ? postingStatus(actor, role.slug) : null;
  const v = await getTranslations("versions");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/roles" className="text-brand-700 hover:underline">
          ← {t("backToRoles")}
        </Link>
      </p>
      <PageHeader
        title={role.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {role.version ? (
              <Link href={`/roles/${role.slug}/versions`} className="text-brand-700 underline">
                {v("versionN", { n: role.version })}
              </Link>
            ) : null}
            {role.publishedAt ? <span>· {format.dateTime(new Date(role.publishedAt), { dateStyle: "medium" })}</span> : null}
            {role.owner ? <span>· {t("ownedBy", { name: role.owner.name })}</span> : null}
            {posting?.published ? <Badge tone="green">{t("postingPublic")}</Badge> : null}
          </span>
        }
        actions={
          <>
            <ButtonLink variant="secondary" href={`/roles/${role.slug}/versions`}>
              {t("versions")}
            </ButtonLink>
            {canEdit && can(actor, "onboarding.manage") ? (
              <ButtonLink variant="secondary" href={`/roles/${role.slug}/onboarding`}>
                {t("onboardingTemplate")}
              </ButtonLink>
            ) : null}
            {canEdit ? <ButtonLink href={`/roles/${role.slug}/edit`}>{t("edit")}</ButtonLink> : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="space-y-6">
          <Card>
            <h2 className="rb-section-title">{t("purpose")}</h2>
            <Markdown className="mt-2 text-slate-800">{role.purpose}</Markdown>
          </Card>
          <section>
            <h2 className="mb-3 text-xl font-semibold">{t("responsibilities")}</h2>
            <ResponsibilityList
              responsibilities={role.responsibilities}
              footer={faqFooters(faqForRole(actor, role.id), role.slug, role.responsibilities.map((r) => r.key))}
              taskExtra={(task) => <DiscussLink counts={discuss} roleId={role.id} task={task} />}
            />
          </section>
        </div>
        <aside className="space-y-4">
          <ToolsCard tools={role.tools} />
          <Card>
            <h2 className="rb-section-title">
              {t("holders", { count: role.holderCount })}
            </h2>
            <HolderList holders={role.holders} canOpenPeople={canOpenPeople} actorId={actor.id} />
            {role.visibleHolderCount > role.holders.length ? (
              <p className="mt-3 text-sm">
                <Link href={`/roles/${role.slug}/holders`} className="text-brand-700 underline">
                  {t("allHolders", { count: role.visibleHolderCount })}
                </Link>
              </p>
            ) : null}
            {hidden > 0 ? <p className="mt-3 text-xs text-slate-500">{t("holdersHidden", { count: hidden })}</p> : null}
          </Card>
          <CustomerFacingCard roleId={role.id} customerFacing={roleCustomerFacing(actor, role.id)} mayChange={can(actor, "ratings.oversee")} />
          {posting ? (
            <Card>
              <h2 className="mb-2 rb-section-title">{t("posting")}</h2>
              <PostingForm slug={role.slug} posting={posting} />
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
