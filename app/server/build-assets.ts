import express, { type NextFunction, type Request, type Response } from "express";
import { existsSync, readdirSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";

const YEAR_MS = 365 * 24 * 3_600_000;

/** Every file of the build folder, by its URL path ("/_shared/chunk-X.js"), found once at start. */
function filesOf(root: string): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.add(`/${relative(root, path).split("\\").join("/")}`);
    }
  };
  if (existsSync(root)) walk(root);
  return found;
}

/**
 * The fingerprinted browser build (/build): cached for a year, sent as the brotli or gzip copy
 * made at build time (scripts/precompress.js) when the browser accepts it. Mounted before the
 * page middleware: a script or stylesheet needs none of a page's headers (CSP, frame and
 * referrer rules, request id); only nosniff matters for it. Saves ~1 KB of headers per file.
 */
export function buildAssets(root = "public/build") {
  const files = filesOf(root);
  const serveStatic = express.static(root, { immutable: true, maxAge: YEAR_MS, index: false });
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    if ((req.method === "GET" || req.method === "HEAD") && files.has(req.path)) {
      // Brotli whenever it is accepted at all (browsers list gzip first, but br is smaller).
      const encoding = req.acceptsEncodings("br") && files.has(`${req.path}.br`) ? "br" : req.acceptsEncodings("gzip") && files.has(`${req.path}.gz`) ? "gzip" : null;
      res.vary("Accept-Encoding");
      if (encoding) {
        res.type(extname(req.path));
        res.setHeader("Content-Encoding", encoding);
        const file = `${req.path.slice(1)}.${encoding === "br" ? "br" : "gz"}`;
        return res.sendFile(file, { root, immutable: true, maxAge: YEAR_MS }, (error) => error && next(error));
      }
    }
    return serveStatic(req, res, next);
  };
}
