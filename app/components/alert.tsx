import type { ReactNode } from "react";

/** A message that is read out as soon as it appears (a refused form, a bad filter); nothing when empty. */
export function Alert({ children, id }: { children: ReactNode; id?: string }) {
  if (children === null || children === undefined || children === false || children === "") return null;
  return (
    <p className="alert" role="alert" id={id}>
      {children}
    </p>
  );
}
