import type { ReactNode } from "react";

/** What the last action did, read out politely once it appears (saved, sent, removed); nothing when empty. */
export function Notice({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === "") return null;
  return (
    <p className="notice" role="status">
      {children}
    </p>
  );
}
