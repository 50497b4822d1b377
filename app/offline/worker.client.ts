// The page's side of the service worker: is one in charge of this page, ask it something,
// install it. Installing happens only when a person saves a course (saved-course.client.ts), so
// a first visit downloads no worker at all.
import type { FromWorker, ToWorker } from "./protocol";

export const offlineSupported = () => typeof window !== "undefined" && "serviceWorker" in navigator && "caches" in window;

/** The worker answering this page's requests, if any (none before a course was saved). */
export const worker = () => (offlineSupported() ? navigator.serviceWorker.controller : null);

/** Asks the worker and waits for its answer (null without a worker, or after 5 s of silence). */
export function askWorker(message: ToWorker): Promise<FromWorker | null> {
  const to = worker();
  if (!to) return Promise.resolve(null);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 5000);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data as FromWorker);
    };
    to.postMessage(message, [channel.port2]);
  });
}

/** Tells the worker without waiting (it may broadcast what came of it). */
export function tellWorker(message: ToWorker): void {
  worker()?.postMessage(message);
}

/** Calls back on what the worker tells every page; returns the unsubscribe. */
export function onWorkerMessage(listener: (message: FromWorker) => void): () => void {
  if (!offlineSupported()) return () => {};
  const handle = (event: MessageEvent) => listener(event.data as FromWorker);
  navigator.serviceWorker.addEventListener("message", handle);
  return () => navigator.serviceWorker.removeEventListener("message", handle);
}

/** How long a first install may take (it downloads the page shell) before the save gives up. */
const INSTALL_TIMEOUT_MS = 60_000;

/**
 * Installs the worker (Workbox's window helper). An active worker is enough to save: the save
 * writes Cache Storage itself, and the worker takes over the page when it activates. Throws
 * when the browser refuses it (blocked, private mode) or the install fails.
 */
export async function installWorker(): Promise<void> {
  if (worker()) return;
  const { Workbox } = await import("workbox-window");
  const wb = new Workbox("/sw.js");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<never>((_, reject) => {
    wb.addEventListener("redundant", () => reject(new Error("worker-redundant")));
    timer = setTimeout(() => reject(new Error("worker-timeout")), INSTALL_TIMEOUT_MS);
  });
  failed.catch(() => {}); // only read in the race below; once saved, a late rejection means nothing
  try {
    const registration = await wb.register();
    if (!registration?.active) await Promise.race([wb.active, failed]);
  } finally {
    clearTimeout(timer);
  }
}
