"use client";

import { useTranslations } from "next-intl";
import { AnswerChoice } from "../changes/_components/answer-forms";
import { askAboutMyRoleAction, confirmMyRoleAction } from "./actions";

/** Confirm the whole role ("I have read and understood my role"), or ask a question instead. */
export function ReadForms({ version, revision, canConfirm, asking }: { version: number; revision: number; canConfirm: boolean; asking: "first" | "again" }) {
  const t = useTranslations("roleReading");
  return (
    <AnswerChoice
      hidden={{ version, revision }}
      understood={confirmMyRoleAction}
      ask={askAboutMyRoleAction}
      canUnderstand={canConfirm}
      asking={asking}
      understoodLabel={t("confirm")}
    />
  );
}
