import type { RoleName } from "../db/types";

export type { RoleName };

/** What each role may do. Scopes narrow these further (see app/models/access.server.ts). */
export const PERMISSIONS = {
  learn: ["officer", "facilitator", "coordinator", "admin"],
  "moderate:dialogue": ["facilitator", "admin"],
  "read:progress": ["coordinator", "admin"],
  "create:invitation": ["coordinator", "admin"],
  "revoke:certificate": ["coordinator", "admin"],
  "manage:people": ["admin"],
  /** Within their scope (see cohortsInScope): a country coordinator runs that country's cohorts. */
  "manage:cohorts": ["coordinator", "admin"],
  /** Presentations by experts: a cohort's facilitators, and coordinators within their scope. */
  "schedule:sessions": ["facilitator", "coordinator", "admin"],
  /** Group tasks' teams: a cohort's facilitators, and coordinators within their scope. */
  "manage:teams": ["facilitator", "coordinator", "admin"],
  "read:audit": ["admin"],
  "manage:mail": ["admin"],
} as const satisfies Record<string, readonly RoleName[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ROLES: readonly RoleName[] = ["officer", "facilitator", "coordinator", "admin"];

/** The area each role lands on after signing in. */
export const ROLE_HOME: Record<RoleName, string> = {
  officer: "/learn",
  facilitator: "/facilitate",
  coordinator: "/coordinate",
  admin: "/admin",
};

/** Areas in the order shown in the navigation, with the permission each needs. */
export const AREAS = [
  { path: "/learn", labelKey: "nav.learn", permission: "learn" },
  { path: "/dialogue", labelKey: "dialogue.nav", permission: "learn" },
  { path: "/facilitate", labelKey: "nav.facilitate", permission: "moderate:dialogue" },
  { path: "/coordinate", labelKey: "nav.coordinate", permission: "read:progress" },
  { path: "/admin", labelKey: "nav.admin", permission: "manage:people" },
] as const satisfies readonly { path: string; labelKey: string; permission: Permission }[];

export function rolesAllow(roles: readonly RoleName[], permission: Permission): boolean {
  const allowed: readonly RoleName[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

const RANK: Record<RoleName, number> = { officer: 1, facilitator: 2, coordinator: 3, admin: 4 };

/** The highest of a person's roles decides where they land. */
export function homeFor(roles: readonly RoleName[]): string {
  const top = [...roles].sort((a, b) => RANK[b] - RANK[a])[0];
  return top ? ROLE_HOME[top] : "/learn";
}
