import type { MetaDescriptor } from "@remix-run/node";
import { i18nFor } from "../i18n/instance";
import type { RootData } from "../root-data";

/** A translated document title "Page · Sendero", from the root loader's language. */
export function pageTitle(matches: readonly { id: string; data: unknown }[], key: string): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as RootData | undefined;
  const title = root ? i18nFor(root.locale, root.translations, root.area).t(key) : key;
  return [{ title: `${title} · Sendero` }];
}
