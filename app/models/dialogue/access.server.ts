import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database } from "../../../db/types";
import type { Grant } from "../access.server";

/** Who is looking at the dialogue: a person, and whether they administer everything. */
export interface Viewer {
  id: string;
  /** A global admin reads and moderates every space. */
  isAdmin: boolean;
}

export function viewerOf(user: { id: string; grants: Grant[] }): Viewer {
  return { id: user.id, isAdmin: user.grants.some((g) => g.role === "admin" && g.scope_kind === "global") };
}

type SpaceRef = ExpressionBuilder<Database, "dialogue_spaces">;

/** Whether the viewer is in one of the space's cohorts (as a facilitator, when `role` says so). */
function inSpaceCohort(eb: SpaceRef, viewer: Viewer, role?: "facilitator"): Expression<SqlBool> {
  if (viewer.isAdmin) return sql<SqlBool>`true`;
  return eb.exists(
    eb
      .selectFrom("dialogue_space_cohorts as sc")
      .innerJoin("cohort_members as cm", "cm.cohort_id", "sc.cohort_id")
      .select(sql`1`.as("one"))
      .whereRef("sc.space_id", "=", "dialogue_spaces.id")
      .where("cm.person_id", "=", viewer.id)
      .$if(role !== undefined, (q) => q.where("cm.role", "=", role!)),
  );
}

/**
 * A WHERE condition on `dialogue_spaces`: the spaces this viewer belongs to, through a cohort
 * they are a member or facilitator of. Used inside every dialogue query.
 */
export function spaceReadable(viewer: Viewer) {
  return (eb: SpaceRef) => inSpaceCohort(eb, viewer);
}

/** The spaces this viewer facilitates (facilitator of one of the space's cohorts). */
export function spaceModeratable(viewer: Viewer) {
  return (eb: SpaceRef) => inSpaceCohort(eb, viewer, "facilitator");
}

/** The same test as a selected boolean column, for pages that show moderator controls. */
export function canModerateColumn(viewer: Viewer) {
  return (eb: SpaceRef) => sql<boolean>`${spaceModeratable(viewer)(eb)}`.as("can_moderate");
}
