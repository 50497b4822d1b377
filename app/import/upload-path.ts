/** The one page that takes file uploads (bulk enrolment), so the body limit there is larger. */
export const ENROLMENT_UPLOAD_PATH = /^\/coordinate\/cohorts\/[0-9a-f-]{36}\/enrolment$/;

/** The largest enrolment file taken (20,000 lines of CSV fit well under it). */
export const MAX_UPLOAD_BYTES = 4_000_000;
