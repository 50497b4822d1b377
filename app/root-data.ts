import type { Locale } from "./i18n/locales";

type Tree = { [key: string]: string | Tree };

/**
 * What the root loader gives every page (the frame: language, strings, CSRF token, who is signed
 * in). Its own module so that components read it without importing the root route.
 */
export interface RootData {
  locale: Locale;
  area: string;
  translations: Tree;
  csrfToken: string;
  requestId: string;
  lowData: boolean;
  user: {
    displayName: string;
    areas: { path: string; labelKey: string }[];
    unreadNotifications: number;
  } | null;
}
