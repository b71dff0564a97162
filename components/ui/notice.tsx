import type { ReactNode } from "react";

/** A green confirmation ("Saved.", "Published.") announced to screen readers (role=status). */
export function SuccessNote({ children }: { children: ReactNode }) {
  return <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">{children}</p>;
}
