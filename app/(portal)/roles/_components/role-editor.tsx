"use client";

import { lazy, Suspense } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import type { RoleDoc } from "@/lib/roles/doc";
import { HeaderSection } from "./editor/header-section";
import { useLeaveGuard } from "./editor/leave-guard";
import { PublishPanel } from "./editor/publish-panel";
import { ResponsibilityCard } from "./editor/responsibility-card";
import { SaveBar } from "./editor/save-bar";
import { EDITOR_ID, useRoleDraft } from "./editor/use-role-draft";

// Only shown after someone else saved first: its code loads then, not with every editor page.
const ConflictPanel = lazy(() => import("./editor/conflict-panel").then((m) => ({ default: m.ConflictPanel })));

export function RoleEditor(props: { slug: string; initialDoc: RoleDoc; initialRevision: number; hasDraft: boolean }) {
  const t = useTranslations("editor");
  const draft = useRoleDraft(props);
  const { doc } = draft;
  useLeaveGuard(draft.unsaved, t("leaveConfirm"));
  return (
    <div className="space-y-6" id={EDITOR_ID}>
      <SaveBar onSave={draft.save} pending={draft.pending} dirty={draft.dirty} saved={draft.saved} message={draft.message} />
      {draft.conflict ? (
        <Suspense fallback={null}>
          <ConflictPanel conflict={draft.conflict} onUseMine={draft.takeMine} onDismiss={draft.dismissConflict} />
        </Suspense>
      ) : null}
      <HeaderSection doc={doc} update={draft.update} err={draft.err} />

      <h2 className="text-xl font-semibold">{t("responsibilities")}</h2>
      {doc.responsibilities.map((r, i) => (
        <ResponsibilityCard
          key={r.key}
          index={i}
          count={doc.responsibilities.length}
          value={r}
          onChange={(patch) => draft.setResp(i, patch)}
          onMove={(to) => draft.moveResp(i, to)}
          onRemove={() => draft.removeResp(i)}
          err={draft.err}
          openIf={draft.openIf}
        />
      ))}
      <button type="button" className={buttonClass("secondary")} onClick={draft.addResp}>
        {t("addResponsibility")}
      </button>

      <PublishPanel
        summary={draft.summary}
        setSummary={draft.setSummary}
        kind={draft.kind}
        setKind={draft.setKind}
        errors={draft.publishErrors}
        canPublish={!draft.unsaved && draft.saved}
        saved={draft.saved}
        pending={draft.pending}
        onPublish={draft.publish}
        onDiscard={draft.discard}
      />
    </div>
  );
}
