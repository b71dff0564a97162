import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/card";
import { setCustomerFacingAction } from "../actions";

/** On a role's page: whether its people serve customers (and get personal rating QR codes); HR changes it. */
export async function CustomerFacingCard({ roleId, customerFacing, mayChange }: { roleId: number; customerFacing: boolean; mayChange: boolean }) {
  const t = await getTranslations("ratingLinks.role");
  return (
    <Card>
      <h2 className="rb-section-title">{t("heading")}</h2>
      <p className="mt-2 text-sm text-slate-700" data-testid="customer-facing">
        {t(customerFacing ? "on" : "off")}
      </p>
      {mayChange ? (
        <div className="mt-3">
          <ActionButton action={setCustomerFacingAction} input={{ roleId, customerFacing: !customerFacing }} variant="secondary" pressed={customerFacing}>
            {t("toggle")}
          </ActionButton>
        </div>
      ) : null}
    </Card>
  );
}
