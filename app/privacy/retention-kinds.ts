// What the retention policy covers and its bounds, shared by the model and the admin page
// (the page's component needs them in the browser, where *.server modules are empty).

/** How long each kind of personal data is kept, in whole days; null: kept forever. */
export interface RetentionPolicy {
  dialoguePostDays: number | null;
  sessionDays: number | null;
  auditDays: number | null;
  learningEventDays: number | null;
}

export const RETENTION_KINDS = ["dialoguePostDays", "sessionDays", "auditDays", "learningEventDays"] as const satisfies readonly (keyof RetentionPolicy)[];
/** The bounds of a period (the table checks them too): a day to ten years. */
export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 3650;
