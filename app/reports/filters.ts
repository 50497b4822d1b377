/**
 * The filters of the coordinator's reports, as they travel in the URL (a plain GET form).
 * Parsing is pure; whether a value is within the coordinator's scope is checked by
 * app/models/reports/scope.server.ts against the options it reads from the database.
 */
export interface ReportFilters {
  cohort: string | null;
  course: string | null;
  country: string | null;
  institution: string | null;
  /** Completions counted from this day (YYYY-MM-DD, inclusive). */
  from: string;
  /** …to this day (inclusive). */
  to: string;
}

export const STATUSES = ["not-started", "in-progress", "completed", "overdue"] as const;
export type StatusFilter = (typeof STATUSES)[number];

export const SORTS = ["name", "country", "institution", "cohort", "course", "status", "activity", "score"] as const;
export type Sort = (typeof SORTS)[number];

export interface LearnerListQuery extends ReportFilters {
  /** Part of a name or e-mail address. */
  q: string | null;
  status: StatusFilter | null;
  /** No activity in the course since this day (or none at all). */
  inactiveSince: string | null;
  /** Best final-exam score below this percentage (only those with a score). */
  scoreBelow: number | null;
  sort: Sort;
  dir: "asc" | "desc";
}

const DAY = 86_400_000;
/** The default period: the last twelve weeks up to today. */
export const DEFAULT_WEEKS = 12;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function validDay(value: string | null): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === value && value >= "2000-01-01" && value <= "2100-12-31";
}

function text(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim();
  return value ? value.slice(0, 100) : null;
}

/** The filters in a URL; an unreadable period falls back to the default and says so. */
export function parseFilters(params: URLSearchParams, today: Date): { filters: ReportFilters; badDates: boolean } {
  const defaultTo = isoDay(today);
  const defaultFrom = isoDay(new Date(today.getTime() - (DEFAULT_WEEKS * 7 - 1) * DAY));
  const rawFrom = text(params, "from");
  const rawTo = text(params, "to");
  let from = validDay(rawFrom) ? rawFrom : defaultFrom;
  let to = validDay(rawTo) ? rawTo : defaultTo;
  let badDates = (rawFrom !== null && !validDay(rawFrom)) || (rawTo !== null && !validDay(rawTo));
  if (from > to) {
    [from, to] = [defaultFrom, defaultTo];
    badDates = true;
  }
  return {
    filters: { cohort: text(params, "cohort"), course: text(params, "course"), country: text(params, "country"), institution: text(params, "institution"), from, to },
    badDates,
  };
}

function scoreBelow(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 && n <= 100 ? n : null;
}

export function parseListQuery(params: URLSearchParams, today: Date): { query: LearnerListQuery; badDates: boolean } {
  const { filters, badDates } = parseFilters(params, today);
  const status = params.get("status");
  const sort = params.get("sort");
  return {
    query: {
      ...filters,
      q: text(params, "q"),
      inactiveSince: validDay(text(params, "inactiveSince")) ? text(params, "inactiveSince") : null,
      scoreBelow: scoreBelow(params.get("scoreBelow")),
      status: (STATUSES as readonly string[]).includes(status ?? "") ? (status as StatusFilter) : null,
      sort: (SORTS as readonly string[]).includes(sort ?? "") ? (sort as Sort) : "name",
      dir: params.get("dir") === "desc" ? "desc" : "asc",
    },
    badDates,
  };
}

/** The filters as URL parameters (for links that keep them, and for export links). */
export function filterParams(filters: Partial<LearnerListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  return params;
}
