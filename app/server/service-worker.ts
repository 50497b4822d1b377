import type { NextFunction, Request, Response } from "express";

/**
 * The service worker's script (public/sw.js, written by the build, not committed). Browsers
 * check it for updates on every visit, so it is never cached for an hour like other public
 * files; and it may control the whole site, not only the folder it is served from.
 */
export function serviceWorkerScript(root = "public") {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.sendFile("sw.js", { root, cacheControl: false, headers: { "Cache-Control": "no-cache", "Service-Worker-Allowed": "/" } }, (error) => error && next());
  };
}
