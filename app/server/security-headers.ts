import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { randomBytes } from "node:crypto";

/**
 * Security headers on every response: a Content-Security-Policy whose script nonce is new for
 * each request, no framing, no MIME sniffing, a strict referrer policy.
 */
export function securityHeaders(options: { hsts: boolean; development: boolean }) {
  const withNonce = (req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce}'`;
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", nonce],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        // Recordings of expert talks are hosted elsewhere (course content names their https address).
        "media-src": ["'self'", "https:"],
        "connect-src": options.development ? ["'self'", "ws:"] : ["'self'"],
        // The service worker that keeps saved courses for reading offline, and the app manifest.
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        ...(options.hsts ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "deny" },
  });
  return [withNonce, headers];
}
