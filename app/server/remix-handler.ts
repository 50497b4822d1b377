import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { createRequestHandler, type ServerBuild, type AppLoadContext } from "@remix-run/node";
import { once } from "node:events";

/**
 * Hands an Express request to Remix. Like @remix-run/express, except that a POST body has
 * already been read (by the CSRF check) and is passed on from `req.body`.
 */
export function remixHandler(build: ServerBuild, mode: string, contextFor: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext) {
  const handle = createRequestHandler(build, mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const response = await handle(toFetchRequest(req, res), contextFor(req, res));
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function toFetchRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") ?? "localhost"}`);
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array(0) } : {}),
  });
}

async function send(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) {
    if (name !== "set-cookie") res.append(name, value);
  }
  for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) res.flushHeaders();
  if (response.body) await writeBody(response.body, coalescing(res));
  else res.end();
}

/**
 * Streams a body to the client chunk by chunk. Unlike Remix's helper it waits for the socket to
 * drain before reading on (so a large export to a slow client does not pile up in memory) and
 * stops reading — cancelling the producer — when the client goes away.
 */
export async function writeBody(body: ReadableStream<Uint8Array>, res: ExpressResponse) {
  const reader = body.getReader();
  const closed = new Promise<void>((resolve) => res.once("close", resolve));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) break;
      const ok = res.write(value);
      // compression's response has flush(): send each chunk on rather than holding it.
      (res as ExpressResponse & { flush?: () => void }).flush?.();
      if (!ok) await Promise.race([once(res, "drain"), closed]);
    }
    if (res.destroyed) await reader.cancel();
    else res.end();
  } catch (error) {
    await reader.cancel().catch(() => {});
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  } finally {
    reader.releaseLock();
  }
}

/**
 * React renders a page in many small pieces; written one by one, each is a system call. Writes
 * made within one turn of the event loop go out together instead (a long stream still flows,
 * one turn's worth at a time).
 */
function coalescing(res: ExpressResponse): ExpressResponse {
  let corked = false;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      res.cork();
      setImmediate(() => {
        corked = false;
        res.uncork();
      });
    }
    return write(...args);
  }) as ExpressResponse["write"];
  return res;
}
