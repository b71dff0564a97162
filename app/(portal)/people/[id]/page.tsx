import type { Metadata } from "next";
import { cache } from "react";
import Link from "@/components/ui/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import { getFormatter } from "@/i18n/formatter";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { localeNames, isLocale } from "@/i18n/config";
import { found, idParam, pageParam } from "@/lib/core/page";
import { getPerson } from "@/lib/people/directory";
import { personFormOptions } from "@/lib/people/records";
import { can } from "@/lib/auth/policy";
import { mayManageAccess } from "@/lib/auth/capability-policy";
import { requireActor } from "@/lib/auth/session";
import { updatePersonAction } from "../actions";
import { ActiveToggle } from "../_components/active-toggle";
import { EvaluationHistory } from "../_components/evaluation-history";
import { PersonForm } from "../_components/person-form";
import { formatDay, formatInstant } from "@/lib/core/format-dates";
import { invitationState } from "@/lib/email/invitations";
import { ResendInvitationButton } from "../_components/resend-invitation";
import { mayOpenCapabilities } from "@/lib/capability/evidence";
import { SuccessNote } from "@/components/ui/notice";
import { mayResetSecondFactor } from "@/lib/auth/second-factor";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { resetSecondFactorAction } from "../second-factor-actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; page?: string }> };

/** The person, read once per request: the title and the page both need it (React's request cache). */
const personOf = cache(async (id: number) => {
  const actor = await requireActor();
  return found(() => getPerson(actor, id));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await personOf(idParam((await params).id))).name };
}

export default async function PersonPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  const id = idParam((await params).id);
  const person = await personOf(id);
  const { created, page } = await searchParams;
  const t = await getTranslations("people");
  const roles = await getTranslations("appRoles");
  const cap = await getTranslations("capability");
  const ac = await getTranslations("access");
  const format = await getFormatter();
  const canEdit = can(actor, "people.update");
  const ti = await getTranslations("invite.person");
  const rf = await getTranslations("security.twoFactor.reset");
  const zone = await getTimeZone();
  const invitation = can(actor, "people.invite") ? invitationState(actor, person.id) : null;
  const options = canEdit ? personFormOptions(actor) : null;

  const facts: [string, React.ReactNode][] = [
    [t("form.email"), <a key="e" href={`mailto:${person.email}`} className="text-brand-700 underline">{person.email}</a>],
    [t("form.phone"), person.phone ?? "—"],
    [t("form.appRole"), roles(person.appRole)],
    [
      t("form.jobRole"),
      person.jobRoleSlug ? (
        <Link key="r" href={`/roles/${person.jobRoleSlug}`} className="text-brand-700 underline">
          {person.jobRoleTitle}
        </Link>
      ) : (
        "—"
      ),
    ],
    [t("form.team"), person.teamName ?? "—"],
    [t("form.reportsTo"), person.reportsToName ?? "—"],
    [t("form.startDate"), formatDay(format, person.startDate, { dateStyle: "long" })],
    [t("form.locale"), isLocale(person.locale) ? localeNames[person.locale] : t("form.browserLanguage")],
  ];

  return (
    <div className="max-w-4xl">
      {can(actor, "people.read") ? (
        <p className="mb-2 text-sm">
          <Link href="/people" className="text-brand-700 hover:underline">
            ← {t("backToPeople")}
          </Link>
        </p>
      ) : null}
      <PageHeader
        title={person.name}
        description={
          <span className="flex items-center gap-2">
            {person.jobRoleTitle ?? t("noJobRole")}
            {person.active ? <Badge tone="green">{t("active")}</Badge> : <Badge tone="red">{t("inactive")}</Badge>}
          </span>
        }
        actions={
          <>
            {mayOpenCapabilities(actor, person.id) ? (
              <ButtonLink variant="secondary" href={`/people/${person.id}/capability`}>
                {cap("personLink")}
              </ButtonLink>
            ) : null}
            {mayManageAccess(actor, person.id) ? (
              <ButtonLink variant="secondary" href={`/people/${person.id}/access`}>
                {ac("personLink")}
              </ButtonLink>
            ) : null}
            {can(actor, "onboarding.manage") && person.active && person.id !== actor.id ? (
              <ButtonLink variant="secondary" href={`/onboarding/new?person=${person.id}`}>
                {t("startOnboarding")}
              </ButtonLink>
            ) : null}
            {mayResetSecondFactor(actor, person.id) ? (
              <ConfirmAction
                action={resetSecondFactorAction}
                id={person.id}
                variant="secondary"
                label={rf("button")}
                title={rf("title", { name: person.name })}
                body={rf("body")}
                confirmLabel={rf("confirm")}
                cancelLabel={rf("cancel")}
              />
            ) : null}
            {can(actor, "people.deactivate") && person.id !== actor.id ? (
              <ActiveToggle id={person.id} revision={person.revision} active={person.active} name={person.name} />
            ) : null}
          </>
        }
      />
      {created ? (
        <SuccessNote>
          {created === "invited" ? ti("createdInvited") : t("created")}
        </SuccessNote>
      ) : null}
      {invitation?.invited && !invitation.accepted && person.active ? (
        <Card className="mb-6">
          <div className="flex flex-wrap items-center justify-between gap-3" data-testid="invitation-state">
            <p className="text-sm text-slate-700">
              {invitation.lastSentAt && invitation.expiresAt
                ? ti("pending", {
                    sent: formatInstant(format, invitation.lastSentAt, zone, { dateStyle: "medium" }),
                    until: formatInstant(format, invitation.expiresAt, zone, { dateStyle: "medium" }),
                  })
                : null}
            </p>
            <ResendInvitationButton id={person.id} />
          </div>
        </Card>
      ) : null}
      <Card className="mb-6">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="rb-eyebrow">{label}</dt>
              <dd className="mt-0.5 text-sm text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <EvaluationHistory actor={actor} personId={person.id} page={pageParam(page)} timeZone={zone} />
      {canEdit && options ? (
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("edit")}</h2>
          <PersonForm
            mode="edit"
            action={updatePersonAction}
            options={options}
            values={{
              id: person.id,
              revision: person.revision,
              name: person.name,
              email: person.email,
              phone: person.phone,
              appRole: person.appRole,
              jobRoleId: person.jobRoleId,
              team: person.teamId && person.teamName ? { id: person.teamId, name: person.teamName } : null,
              reportsTo:
                person.reportsToId && person.reportsToName
                  ? { id: person.reportsToId, name: person.reportsToName, email: person.reportsToEmail ?? "" }
                  : null,
              startDate: person.startDate,
              locale: person.locale,
            }}
          />
        </Card>
      ) : null}
    </div>
  );
}
