import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readSessionToken, sessionCookie } from "../auth/cookies.server";
import { revokeSession } from "../models/session.server";

// Signing out revokes the session in the database, so a copied cookie is refused afterwards,
// and has the browser drop what this site stored (pages saved for offline reading, completions
// still queued, the service worker's caches): a shared computer keeps nothing of the person.
export async function action({ request, context }: ActionFunctionArgs) {
  const token = readSessionToken(request, context.config);
  if (token) await revokeSession(context.db, token);
  return redirect("/login?notice=signed-out", { headers: { "Set-Cookie": sessionCookie(context.config, null), "Clear-Site-Data": '"cache", "storage"' } });
}

// GET changes nothing: it only leads back.
export async function loader() {
  return redirect("/");
}
