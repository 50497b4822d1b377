import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { getUser } from "./auth/guards.server";
import { useNonce } from "./components/nonce";
import { OfflineStatusSlot } from "./components/offline-status-slot";
import { SiteHeader } from "./components/site-header";
import { i18nFor } from "./i18n/instance";
import { DEFAULT_LOCALE, type Locale } from "./i18n/locales";
import { localeFor } from "./i18n/request-locale.server";
import { unreadNotificationCount } from "./models/notification.server";
import { areaOf } from "./i18n/sections";
import { pageTranslations } from "./i18n/translations.server";
import { AREAS, rolesAllow } from "./roles";
import { OFFLINE_PAGE } from "./utils/offline-save";
import type { RootData } from "./root-data";
import stylesheet from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  // Installable as an app (routes/manifest[.]webmanifest.tsx); with credentials, so the
  // manifest comes in the language the cookie asks for.
  { rel: "manifest", href: "/manifest.webmanifest", crossOrigin: "use-credentials" },
  { rel: "apple-touch-icon", href: "/icons/apple-touch-icon.png" },
];

export const meta: MetaFunction = () => [{ title: "Sendero" }];

// A page that failed because the database is unreachable (503) tells clients when to try again.
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const headers = new Headers();
  for (const name of ["Retry-After", "Cache-Control"]) {
    const value = errorHeaders?.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};

export async function loader({ request, context }: LoaderFunctionArgs): Promise<RootData> {
  // While the database is unreachable the page itself answers 503; the frame still renders, in
  // the language the browser or cookie asks for, so that message can be read.
  const forNobody = new URL(request.url).pathname === OFFLINE_PAGE;
  const user = forNobody
    ? null
    : await getUser(context, request).catch((error: unknown) => {
        if (error instanceof Response && error.status === 503) return null;
        throw error;
      });
  const locale = localeFor(request, user);
  return {
    locale,
    // Only the strings of this page's area (app/i18n/sections.ts).
    area: areaOf(new URL(request.url).pathname),
    translations: pageTranslations(locale, new URL(request.url).pathname),
    csrfToken: context.csrfToken,
    requestId: context.requestId,
    lowData: user?.lowData ?? false,
    user: user && {
      displayName: user.displayName,
      areas: AREAS.filter((a) => rolesAllow(user.roles, a.permission)).map(({ path, labelKey }) => ({ path, labelKey })),
      unreadNotifications: await unreadNotificationCount(context.db, user.id),
    },
  };
}

export type { RootData };

// After a form is sent (with JavaScript), Remix reloads every loader's data, the root's too:
// all the page language's strings (~5 KB compressed) on every quiz answer. Only these forms
// change what the root holds (who is signed in, the language, the low-data choice).
const CHANGES_ROOT = /^\/(login|logout|language|account|join|reset)(\/|\?|$)/;
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, currentUrl, nextUrl, defaultShouldRevalidate }) => {
  // Another area of the site needs other strings.
  if (areaOf(currentUrl.pathname) !== areaOf(nextUrl.pathname)) return true;
  // An expired session sends the form to the sign-in page: then the header must change too.
  if (formAction && !CHANGES_ROOT.test(formAction) && nextUrl.pathname !== "/login") return false;
  return defaultShouldRevalidate;
};

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const nonce = useNonce();
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  // A route can do without scripts altogether (`handle = { scripts: false }`): public pages meant
  // to be tiny on any phone, like certificate verification.
  const scriptless = useMatches().some((m) => (m.handle as { scripts?: boolean } | undefined)?.scripts === false);
  const body = (
    <>
      <a href="#main" className="skip-link">
        {data ? i18nFor(locale, data.translations, data.area).t("nav.skip") : "Saltar al contenido"}
      </a>
      {data ? <SiteHeader user={data.user} locale={locale} /> : null}
      {data && !data.lowData && !scriptless ? <OfflineStatusSlot /> : null}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#0b5a63" />
        <Meta />
        <Links />
      </head>
      <body>
        {data ? <I18nextProvider i18n={i18nFor(locale, data.translations, data.area)}>{body}</I18nextProvider> : body}
        {data?.lowData || scriptless ? null : (
          // Low-data mode sends no script at all (no runtime, no preloads, no hydration data):
          // every page works as plain HTML forms.
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<RootData>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!data) {
    // The root loader itself failed (e.g. the database is down): no translations to hand.
    return (
      <div className="page narrow">
        <h1>Error / Error</h1>
        <p lang="es">Sendero no pudo responder. Inténtelo de nuevo en unos minutos.</p>
        <p lang="en">Sendero could not answer. Please try again in a few minutes.</p>
      </div>
    );
  }
  return <ErrorPage status={status} requestId={data.requestId} />;
}

function ErrorPage({ status, requestId }: { status: number; requestId: string }) {
  const { t } = useTranslation();
  const kinds: Record<number, string> = { 400: "badRequest", 401: "unauthorized", 403: "forbidden", 404: "notFound", 503: "unavailable" };
  const kind = kinds[status] ?? "server";
  return (
    <div className="page narrow">
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      {kind === "server" ? <p className="hint">{t("errors.reference", { id: requestId })}</p> : null}
      <p>
        <Link to="/">{t("errors.home")}</Link>
      </p>
    </div>
  );
}
