"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";

/** `except`: paths under `href` that have a navigation entry of their own (not marked active here). */
export function NavLink({ href, except = [], children }: { href: string; except?: string[]; children: React.ReactNode }) {
  const pathname = usePathname();
  const own = except.some((e) => pathname === e || pathname.startsWith(`${e}/`));
  const active = href === "/" ? pathname === "/" : !own && (pathname === href || pathname.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={active ? "rb-nav-active" : "rb-nav"}
    >
      {children}
    </Link>
  );
}
