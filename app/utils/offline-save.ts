/**
 * The header a device sends when it saves a course's pages for reading without a connection
 * (the service worker's request, not a person opening the page). Saving is not reading: the
 * page records no view, and a lesson's form carries a one-time token for a completion that
 * may arrive days later (app/models/learning/offline-completion.server.ts).
 */
export const OFFLINE_SAVE_HEADER = "Sendero-Offline-Save";

/**
 * The page a device shows for an address it has not saved, or an activity that needs the server,
 * while there is no connection. It is saved once and shown to whoever uses the device, so it is
 * rendered for nobody in particular (the root loader reads no session for it).
 */
export const OFFLINE_PAGE = "/offline";

export const isOfflineSave = (request: Request) => request.headers.get(OFFLINE_SAVE_HEADER) === "1";

/** What a saved lesson's "done, next" form adds: the token, and where the device goes next. */
export interface OfflineSave {
  token: string;
  /** The next item in course order, or the course page after the last one. */
  next: string | null;
}
