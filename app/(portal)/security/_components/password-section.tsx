import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { ChangePasswordForm } from "./password-form";

/** "Password" on /security (issue 14 point 3): change one's own password; a link for a forgotten one. */
export async function PasswordSection({ actor }: { actor: Actor }) {
  if (!can(actor, "security.self")) return null;
  const t = await getTranslations("security.password");
  return (
    <Card>
      <section id="password" aria-labelledby="password-heading">
        <h2 id="password-heading" className="text-lg font-semibold text-slate-900">
          {t("heading")}
        </h2>
        <p className="mb-4 mt-1 max-w-2xl text-sm text-slate-600">{t("intro")}</p>
        <ChangePasswordForm />
        <p className="mt-4 text-sm text-slate-600">
          {t("forgotHint")}{" "}
          <Link href="/forgot-password" className="font-medium text-brand-700 underline hover:text-brand-900">
            {t("forgotLink")}
          </Link>
        </p>
      </section>
    </Card>
  );
}
