import { areaLayout } from "@/components/shell/scoped-messages";

/** Provides the messages the client components of this area use (i18n/client-namespaces.json). */
export default areaLayout("(portal)/access");
