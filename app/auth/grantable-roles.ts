import type { RoleName } from "../../db/types";

/** The roles an admin gives from the roles page (officer comes with cohort membership). Shared
 *  with the page's component, so it lives outside the .server model. */
export const GRANTABLE_ROLES = ["facilitator", "coordinator", "admin"] as const satisfies readonly RoleName[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];
