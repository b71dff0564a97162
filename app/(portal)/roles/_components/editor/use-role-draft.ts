"use client";

import { useEffect, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/core/action-types";
import type { RoleDoc, RoleResponsibility } from "@/lib/roles/doc";
import { emptyResponsibility } from "@/lib/roles/vocabulary";
import { applyMine, conflictFields, type ConflictField } from "@/lib/roles/draft-conflict";
import { discardDraftAction, loadDraftAction, publishDraftAction, saveDraftAction } from "../../actions";
import { move, newKey } from "./controls";

export type PublishKind = "material" | "editorial";

/** The id of the editor's root element (where the first invalid field is looked for). */
export const EDITOR_ID = "role-editor";

/** After a save met a newer revision: this person's document and the fields to offer back. */
export type Conflict = { mine: RoleDoc; fields: ConflictField[]; by: string | null };

/**
 * The role document being edited, its draft revision, and the save / publish / discard round
 * trips. When someone else saved in between, the editor shows their draft and keeps this person's
 * changed fields beside it (`conflict`) to put back one by one; nothing is saved until they save.
 */
export function useRoleDraft({ slug, initialDoc, initialRevision, hasDraft }: { slug: string; initialDoc: RoleDoc; initialRevision: number; hasDraft: boolean }) {
  const t = useTranslations("editor");
  const [doc, setDoc] = useState<RoleDoc>(initialDoc);
  /** The document as last loaded or saved: what this person's changes are measured against. */
  const [base, setBase] = useState<RoleDoc>(initialDoc);
  const [revision, setRevision] = useState(initialRevision);
  const [saved, setSaved] = useState(hasDraft);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pending, startTransition] = useTransition();
  const [summary, setSummary] = useState("");
  const [kind, setKind] = useState<PublishKind>("material");
  const [publishErrors, setPublishErrors] = useState<FieldErrors>({});
  /** Bumped when a save is refused for its fields: the editor then focuses the first invalid one. */
  const [refusals, setRefusals] = useState(0);

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

  /** Unsaved work: edits, or own changes from a conflict not yet put back or dismissed. */
  const unsaved = dirty || Boolean(conflict?.fields.length);

  useEffect(() => {
    if (!refusals) return;
    const first = document.getElementById(EDITOR_ID)?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    first.scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
  }, [refusals]);

  const save = () =>
    startTransition(async () => {
      const clean = { ...doc, tools: (doc.tools ?? []).map((x) => x.trim()).filter(Boolean) };
      const result = await saveDraftAction(null, { slug, revision, doc: JSON.stringify(clean) });
      if (result.ok) {
        setRevision(result.data.revision);
        setBase(clean);
        setSaved(true);
        setDirty(false);
        setErrors({});
        setConflict(null);
        setMessage({ tone: "ok", text: t("saved") });
        return;
      }
      setErrors(result.fieldErrors);
      setMessage({ tone: "error", text: result.error });
      if (Object.keys(result.fieldErrors).length) {
        setRefusals((n) => n + 1);
        return;
      }
      // Refused without field errors: if someone saved a newer draft, show theirs and keep ours beside it.
      const latest = await loadDraftAction(null, { slug });
      if (!latest.ok || latest.data.revision === revision) return;
      const fields = conflictFields(base, clean, latest.data.doc);
      setConflict({ mine: clean, fields, by: latest.data.updatedBy });
      setDoc(latest.data.doc);
      setBase(latest.data.doc);
      setRevision(latest.data.revision);
      setSaved(latest.data.revision > 0);
      setDirty(false);
      setMessage({ tone: "error", text: t("conflictMessage") });
    });

  /** Puts one of this person's changes (or all of them) back into the editor. */
  const takeMine = (ids: string[]) => {
    if (!conflict) return;
    let next = doc;
    for (const id of ids) next = applyMine(next, conflict.mine, id);
    update(next);
    setConflict({ ...conflict, fields: conflict.fields.filter((f) => !ids.includes(f.id)) });
  };
  const dismissConflict = () => setConflict(null);

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
    unsaved,
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
    conflict,
    takeMine,
    dismissConflict,
  };
}
