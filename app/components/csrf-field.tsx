import { useRouteLoaderData } from "@remix-run/react";
import type { RootData } from "../root-data";

/** The hidden CSRF proof every form that changes something must carry. */
export function CsrfField() {
  const root = useRouteLoaderData<RootData>("root");
  return <input type="hidden" name="_csrf" value={root?.csrfToken ?? ""} />;
}
