import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getUser, safeRedirectPath } from "../auth/guards.server";
import { isLocale, LOCALE_COOKIE } from "../i18n/locales";
import { setLocale } from "../models/person.server";

// Switches the interface language: kept in a cookie, and in the person's settings when signed in.
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const back = safeRedirectPath(form.get("redirectTo"), "/");
  if (!isLocale(locale)) return redirect(back, { status: 303 });
  const user = await getUser(context, request);
  if (user) await setLocale(context.db, user.id, locale);
  const cookie = [
    `${LOCALE_COOKIE}=${locale}`,
    "Path=/",
    "Max-Age=31536000",
    "SameSite=Lax",
    ...(context.config.cookieSecure ? ["Secure"] : []),
  ].join("; ");
  return redirect(back, { status: 303, headers: { "Set-Cookie": cookie } });
}

export async function loader() {
  return redirect("/");
}
