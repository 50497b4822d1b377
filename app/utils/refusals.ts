import type { ModerationCode } from "../models/dialogue/moderation.server";
import type { WriteCode } from "../models/dialogue/posting.server";

/** How a refusal reads (a translation key) and the HTTP status the page answers with. */
export interface Refusal {
  message: string;
  status: number;
}

// One table per vocabulary, typed by its code union, so a new code cannot go unexplained.
const DIALOGUE_WRITE: Record<WriteCode, Refusal> = {
  muted: { message: "dialogue.errors.muted", status: 400 },
  tooFast: { message: "dialogue.errors.tooFast", status: 400 },
  locked: { message: "dialogue.errors.locked", status: 400 },
  noSuchPost: { message: "dialogue.errors.noSuchPost", status: 404 },
  cannotEdit: { message: "dialogue.errors.cannotEdit", status: 400 },
  editWindow: { message: "dialogue.errors.editWindow", status: 400 },
  stale: { message: "dialogue.errors.stale", status: 400 },
  cannotReport: { message: "dialogue.errors.cannotReport", status: 400 },
};

const MODERATION: Record<ModerationCode, Refusal> = {
  notFound: { message: "dialogue.errors.noSuchPost", status: 404 },
  notApplicable: { message: "dialogue.errors.notApplicable", status: 409 },
  stale: { message: "dialogue.errors.stale", status: 409 },
};

/** The page's answer to a refused dialogue write (a post, a reply, an edit, a report). */
export function writeRefusal(code: WriteCode): Refusal {
  return DIALOGUE_WRITE[code];
}

/** The page's answer to a refused moderation step (approve, hide, pin, mute…). */
export function moderationRefusal(code: ModerationCode): Refusal {
  return MODERATION[code];
}
