import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { readCookie } from "../utils/cookies";
import { CSRF_REFUSED_HEADER } from "../utils/csrf-refused";

export const CSRF_FIELD = "_csrf";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function csrfCookieName(secure: boolean) {
  // The __Host- prefix pins the cookie to this exact origin (only allowed on HTTPS).
  return secure ? "__Host-sendero_csrf" : "sendero_csrf";
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A request from another site, as the browser tells us through Origin or Sec-Fetch-Site. */
function crossSite(req: ExpressRequest): boolean {
  const fetchSite = req.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = req.get("origin");
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host !== req.get("host");
    } catch {
      return true;
    }
  }
  return origin === "null";
}

/**
 * CSRF protection for every state-changing request: a random token in an HttpOnly cookie must
 * come back in the form's `_csrf` field (double submit), and the browser must not say the
 * request came from another site. Reads the body once (with a size limit) and keeps it in
 * `req.body` for the Remix handler. Refusals are 403 and reach no loader or action.
 */
export interface CsrfOptions {
  secure: boolean;
  bodyLimitBytes: number;
  /** Paths that take file uploads, with their own (larger) limit. */
  uploads?: { path: RegExp; limitBytes: number };
  refusalPage: (req: ExpressRequest) => string;
}

export function csrfProtection(options: CsrfOptions) {
  const cookieName = csrfCookieName(options.secure);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    let token = readCookie(req.headers.cookie, cookieName);
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      token = randomBytes(32).toString("base64url");
      res.cookie(cookieName, token, { httpOnly: true, sameSite: "lax", secure: options.secure, path: "/" });
    }
    res.locals.csrfToken = token;
    if (SAFE_METHODS.has(req.method)) return next();

    const limit = options.uploads?.path.test(req.path) ? options.uploads.limitBytes : options.bodyLimitBytes;
    const declared = Number(req.get("content-length") ?? "0");
    if (declared > limit) return refuse(res, 413, "Payload Too Large");
    let body: Buffer;
    try {
      body = await readBody(req, limit);
    } catch {
      return refuse(res, 413, "Payload Too Large");
    }
    req.body = body;

    const sent = await formField(body, req.get("content-type") ?? "", CSRF_FIELD);
    if (crossSite(req) || !sent || !sameToken(sent, token)) {
      return res.status(403).set(CSRF_REFUSED_HEADER, "1").type("html").send(options.refusalPage(req));
    }
    next();
  };
}

function refuse(res: ExpressResponse, status: number, message: string) {
  res.status(status).type("text/plain; charset=utf-8").send(message);
}

function readBody(req: ExpressRequest, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function formField(body: Buffer, contentType: string, name: string): Promise<string | null> {
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(contentType)) return null;
  try {
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}
