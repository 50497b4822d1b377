import { redirect, type AppLoadContext } from "@remix-run/node";
import type { RoleName } from "../../db/types";
import { grantsCover, grantsFor, grantsOf, type Grant, type Scope } from "../models/access.server";
import { lowDataFor } from "../models/data-mode.server";
import { findSessionPerson } from "../models/session.server";
import { rolesAllow, type Permission } from "../roles";
import { readSessionToken } from "./cookies.server";

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  countryCode: string | null;
  institutionId: string | null;
  /** Pages without scripts (low-data mode), by the person's choice or their cohort's. */
  lowData: boolean;
  /** The time zone the person chose on their account page; null: their cohort's. */
  timeZone: string | null;
  roles: RoleName[];
  grants: Grant[];
}

// The root and route loaders of one page load look the session up once. Remix hands each loader
// its own copy of the Request, but the same load context (made per HTTP request, never shared
// between requests), so the context and the cookie are the key. Only reads are shared: an
// action may sign someone in or out.
const perRequest = new WeakMap<AppLoadContext, Map<string, Promise<CurrentUser | null>>>();

/** The signed-in person, or null. */
export function getUser(context: AppLoadContext, request: Request): Promise<CurrentUser | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return lookUp(context, request);
  const cookie = request.headers.get("cookie") ?? "";
  let byCookie = perRequest.get(context);
  if (!byCookie) perRequest.set(context, (byCookie = new Map()));
  let found = byCookie.get(cookie);
  if (!found) {
    found = lookUp(context, request);
    byCookie.set(cookie, found);
  }
  return found;
}

async function lookUp({ db, config }: AppLoadContext, request: Request): Promise<CurrentUser | null> {
  const token = readSessionToken(request, config);
  if (!token) return null;
  const person = await findSessionPerson(db, token, { idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs });
  if (!person) return null;
  const grants = await grantsOf(db, person.id);
  return {
    id: person.id,
    email: person.email,
    displayName: person.display_name,
    locale: person.locale,
    countryCode: person.country_code,
    institutionId: person.institution_id,
    lowData: lowDataFor(person.data_mode, person.cohort_low_data),
    timeZone: person.time_zone,
    roles: [...new Set(grants.map((g) => g.role))],
    grants,
  };
}

/** Where to come back to after signing in: only paths on this site. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

/** The signed-in person; otherwise a redirect to the sign-in page that comes back here. */
export async function requireUser(context: AppLoadContext, request: Request): Promise<CurrentUser> {
  const user = await getUser(context, request);
  if (user) return user;
  const url = new URL(request.url);
  const back = request.method === "GET" ? url.pathname + url.search : "/";
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/**
 * The signed-in person when one of their roles grants the permission (within the scope, when
 * one is named). Signed out → sign-in page; signed in without the right → 403.
 */
export async function requirePermission(
  context: AppLoadContext,
  request: Request,
  permission: Permission,
  scope?: Scope,
): Promise<CurrentUser & { scopedGrants: Grant[] }> {
  const user = await requireUser(context, request);
  const scopedGrants = grantsFor(user.grants, permission);
  const allowed = rolesAllow(user.roles, permission) && (!scope || (await grantsCover(context.db, scopedGrants, scope)));
  if (!allowed) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  return { ...user, scopedGrants };
}

/** For an id from the URL that does not exist (or is not the caller's to see): 404. */
export function notFound(): Response {
  return new Response("Not Found", { status: 404, statusText: "Not Found" });
}
