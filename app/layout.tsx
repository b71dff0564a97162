import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ScopedMessages } from "@/components/shell/scoped-messages";
import { HydrationMark } from "@/components/ui/hydration-mark";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: "Rolebook", template: "%s · Rolebook" }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans">
        <ScopedMessages>{children}</ScopedMessages>
        <HydrationMark />
      </body>
    </html>
  );
}
