import Link from "@/components/ui/link";
import type { ComponentProps } from "react";
import { buttonClass, type Variant } from "@/components/ui/button";

/** A link that looks like a button (kept apart from button.tsx so client forms that only need a Button do not pull in next/link). */
export function ButtonLink({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
