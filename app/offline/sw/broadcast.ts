import type { FromWorker } from "../protocol";

declare const self: ServiceWorkerGlobalScope;

/** Tells every open page of the site (they update what they show). */
export async function broadcast(message: FromWorker): Promise<void> {
  for (const client of await self.clients.matchAll({ type: "window" })) client.postMessage(message);
}
