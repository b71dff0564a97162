"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

/**
 * A page-level live region for action confirmations whose button leaves the page on success
 * (retrying a failed email removes its row): buttons inside announce here instead of beside
 * themselves, so the confirmation stays after the list refreshes.
 */
const StatusContext = createContext<((text: string) => void) | null>(null);

export function StatusRegion({ children }: { children: ReactNode }) {
  const [text, setText] = useState<string | null>(null);
  return (
    <StatusContext.Provider value={setText}>
      {text ? (
        <p role="status" className="mb-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {text}
        </p>
      ) : null}
      {children}
    </StatusContext.Provider>
  );
}

/** The region's announcer, or null outside one (the button then shows its message beside itself). */
export function useStatusRegion() {
  return useContext(StatusContext);
}
