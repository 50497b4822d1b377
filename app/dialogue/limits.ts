// Limits on what a member writes, shared by the forms (maxlength) and the server checks.
export const TITLE_MAX = 150;
export const BODY_MAX = 5000;
export const REASON_MAX = 500;
