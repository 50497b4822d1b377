import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { useRouteLoaderData } from "@remix-run/react";
import { i18nFor } from "../i18n/instance";
import type { RootData } from "../root-data";

type Strings = RootData["translations"];

/**
 * The frame's strings (the root's, for this area) plus those a page sends with its own data, for
 * what the page renders: an item page adds only its item kind's (app/i18n/sections.ts).
 * `name` tells the sets apart: one i18next instance is kept per language, area and name.
 */
export function PageStrings({ name, strings, children }: { name: string; strings: Strings; children: ReactNode }) {
  const root = useRouteLoaderData<RootData>("root");
  if (!root || Object.keys(strings).length === 0) return <>{children}</>;
  const i18n = i18nFor(root.locale, { ...root.translations, ...strings }, `${root.area}+${name}`);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
