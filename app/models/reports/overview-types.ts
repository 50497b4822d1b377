import type { Counts } from "./enrolments.server";

// The overview report's shape, shared by the query that builds it and the grouped counts it is made of.

export interface CohortCourseRow extends Counts {
  cohortId: string;
  cohortName: string;
  courseId: string;
  dueOn: string | null;
}

export interface Overview {
  totals: Counts;
  byCohortCourse: CohortCourseRow[];
  byCountry: (Counts & { countryCode: string | null })[];
  byInstitution: (Counts & { institutionId: string | null; institutionName: string | null })[];
  /** Completions per week (weeks start on Monday, UTC) within the period. */
  weekly: { week: string; completed: number }[];
  completedInPeriod: number;
  /** With a course chosen: how many enrolments reached each stage. */
  funnel: { stage: "enrolled" | "started" | "module" | "completed"; moduleId?: string; count: number }[] | null;
}
