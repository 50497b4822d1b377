import type { DB } from "../db/client";
import type { Config } from "./config.server";
import type { Catalog } from "./content/model";

/** What the server hands every loader and action (see app/server/app.ts). */
export interface SenderoContext {
  db: DB;
  config: Config;
  /** The courses, read and validated once at start-up. */
  content: Catalog;
  requestId: string;
  cspNonce: string;
  csrfToken: string;
  clientAddress: string;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends SenderoContext {}
}
