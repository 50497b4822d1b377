import type { MailStatus } from "../../db/types";

/** The states of a message in the outbox, in the order the admin page lists them. */
export const MAIL_STATUSES: readonly MailStatus[] = ["queued", "sent", "failed"];
