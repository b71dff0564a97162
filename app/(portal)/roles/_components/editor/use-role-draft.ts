"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/core/action-types";
import { emptyResponsibility, type RoleDoc, type RoleResponsibility } from "@/lib/roles/doc";
import { discardDraftAction, publishDraftAction, saveDraftAction } from "../../actions";
import { move, newKey } from "./controls";

export type PublishKind = "material" | "editorial";

/**
 * The role document being edited, its draft revision, and the save / publish / discard round
 * trips (including the refusal when someone else saved in between).
 */
export function useRoleDraft({ slug, initialDoc, initialRevision, hasDraft }: { slug: string; initialDoc: RoleDoc; initialRevision: number; hasDraft: boolean }) {
  const t = useTranslations("editor");
  const [doc, setDoc] = useState<RoleDoc>(initialDoc);
  const [revision, setRevision] = useState(initialRevision);
  const [saved, setSaved] = useState(hasDraft);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [summary, setSummary] = useState("");
  const [kind, setKind] = useState<PublishKind>("material");
  const [publishErrors, setPublishErrors] = useState<FieldErrors>({});

  const update = (next: RoleDoc) => {
    setDoc(next);
    setDirty(true);
  };
  const setResp = (i: number, patch: Partial<RoleResponsibility>) =>
    update({ ...doc, responsibilities: doc.responsibilities.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const moveResp = (i: number, to: number) => update({ ...doc, responsibilities: move(doc.responsibilities, i, to) });
  const removeResp = (i: number) => update({ ...doc, responsibilities: doc.responsibilities.filter((_, j) => j !== i) });
  const addResp = () => update({ ...doc, responsibilities: [...doc.responsibilities, emptyResponsibility(newKey())] });

  const err = (path: string): string | undefined => errors[path];
  /** Opens a collapsed section when it holds an error. */
  const openIf = (prefix: string) => (Object.keys(errors).some((k) => k.startsWith(prefix)) ? true : undefined);

  const save = () =>
    startTransition(async () => {
      const clean = { ...doc, tools: (doc.tools ?? []).map((x) => x.trim()).filter(Boolean) };
      const result = await saveDraftAction(null, { slug, revision, doc: JSON.stringify(clean) });
      if (result.ok) {
        setRevision(result.data.revision);
        setSaved(true);
        setDirty(false);
        setErrors({});
        setMessage({ tone: "ok", text: t("saved") });
      } else {
        setErrors(result.fieldErrors);
        setMessage({ tone: "error", text: result.error });
      }
    });

  const publish = () =>
    startTransition(async () => {
      const result = await publishDraftAction(null, { slug, revision, summary, kind });
      if (result && !result.ok) {
        setPublishErrors(result.fieldErrors);
        setMessage({ tone: "error", text: result.error });
      }
    });

  const discard = () =>
    startTransition(async () => {
      if (!window.confirm(t("discardConfirm"))) return;
      const result = await discardDraftAction(null, { slug, revision });
      if (result && !result.ok) setMessage({ tone: "error", text: result.error });
    });

  return {
    doc,
    update,
    setResp,
    moveResp,
    removeResp,
    addResp,
    err,
    openIf,
    saved,
    dirty,
    message,
    pending,
    save,
    publish,
    discard,
    summary,
    setSummary,
    kind,
    setKind,
    publishErrors,
  };
}
