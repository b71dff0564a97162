import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import clientNamespaces from "@/i18n/client-namespaces.json";
import { namespacesFor, pickMessages, type ClientNamespaces } from "@/i18n/pick-messages";

type Messages = Parameters<typeof pickMessages>[0];

/**
 * Gives the client components under it the messages they use, and no others (issue 15: the whole
 * messages file was serialised into every page, ~150 KB). `area` is the layout's area in
 * i18n/client-namespaces.json ("(portal)/roles"); without it, only the global namespaces (the
 * shell). A nested provider replaces its parent's messages, so each area also gets the global ones.
 * The unit test i18n/client-namespaces.test.ts checks that every area that needs namespaces has a
 * layout rendering this with its own name.
 */
export async function ScopedMessages({ area, children }: { area?: string; children: React.ReactNode }) {
  const messages = (await getMessages()) as unknown as Messages;
  const namespaces = namespacesFor(clientNamespaces as ClientNamespaces, area ?? null);
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}

/** An area's layout that only provides its messages: `export default areaLayout("(portal)/roles")`. */
export function areaLayout(area: string) {
  return function AreaLayout({ children }: { children: React.ReactNode }) {
    return <ScopedMessages area={area}>{children}</ScopedMessages>;
  };
}
