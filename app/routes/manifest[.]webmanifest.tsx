import type { LoaderFunctionArgs } from "@remix-run/node";
import { localeFor } from "../i18n/request-locale.server";
import { serverT } from "../i18n/translations.server";

// The installable web app's manifest, in the language of the cookie or the browser (the root
// links it with credentials, so the language cookie comes along; no session is read).
// Colours from app/styles/app.css (--accent, --bg); icons made by scripts/make-icons.ts.
export function loader({ request }: LoaderFunctionArgs) {
  const locale = localeFor(request, null);
  const manifest = {
    id: "/learn",
    name: "Sendero",
    short_name: "Sendero",
    description: serverT(locale)("manifest.description"),
    lang: locale,
    dir: "ltr",
    start_url: "/learn",
    scope: "/",
    display: "standalone",
    theme_color: "#0b5a63",
    background_color: "#ffffff",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: { "Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "no-cache", Vary: "Cookie, Accept-Language" },
  });
}
