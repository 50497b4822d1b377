import type { ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import compression from "compression";
import express, { type Request } from "express";
import { randomUUID } from "node:crypto";
import type { DB } from "../../db/client";
import type { Config } from "../config.server";
import type { Catalog } from "../content/model";
import { chooseLocale, LOCALE_COOKIE } from "../i18n/locales";
import { serverT } from "../i18n/translations.server";
import { readCookie } from "../utils/cookies";
import { buildAssets } from "./build-assets";
import { csrfProtection } from "./csrf";
import { ENROLMENT_UPLOAD_PATH } from "../import/upload-path";
import type { Logger } from "./log";
import { remixHandler } from "./remix-handler";
import { securityHeaders } from "./security-headers";
import { serviceWorkerScript } from "./service-worker";

export interface AppDeps {
  build: ServerBuild;
  db: DB;
  config: Config;
  content: Catalog;
  log: Logger;
}

/** The HTTP application: headers, compression, static files, CSRF, health, then Remix. */
export function createApp({ build, db, config, content, log }: AppDeps) {
  const app = express();
  app.disable("x-powered-by");
  if (config.trustProxy) app.set("trust proxy", config.trustProxy);
  app.use("/build", buildAssets());

  // A request id for every request: in the response header, in each log line, on error pages.
  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info("request", { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    next();
  });

  app.use(...securityHeaders({ hsts: config.cookieSecure, development: !config.production }));
  app.use(compression({ threshold: 1024 }));

  app.get("/healthz", async (_req, res) => {
    try {
      await sql`select 1`.execute(db);
      res.set("Cache-Control", "no-store").json({ status: "ok" });
    } catch (error) {
      log.error("health check failed", { error });
      res.status(503).set("Cache-Control", "no-store").json({ status: "unavailable" });
    }
  });

  app.get("/sw.js", serviceWorkerScript());
  // Public files other than the build (mounted first, above) are cached for an hour. Only paths
  // that look like a top-level file (or an app icon) reach the disk: a page request costs no stat.
  app.get(/^\/(icons\/)?[\w-]+\.[a-z]+$/, express.static("public", { maxAge: "1h", index: false }));
  // Course images only (never the course files around them, which hold quiz keys).
  app.get("/course-images/:course/:file", (req, res, next) => {
    const { course, file } = req.params;
    if (!content.courses.has(course) || !/^[\w.-]+\.(svg|png|jpe?g|webp)$/.test(file)) return next();
    res.sendFile(`${course}/images/${file}`, { root: config.contentDir, maxAge: "1h" }, (error) => error && next());
  });

  app.use(
    csrfProtection({
      secure: config.cookieSecure,
      bodyLimitBytes: config.bodyLimitBytes,
      uploads: { path: ENROLMENT_UPLOAD_PATH, limitBytes: config.uploadLimitBytes },
      refusalPage: (req) => csrfRefusalPage(req),
    }),
  );

  app.all(
    "*",
    remixHandler(build, config.production ? "production" : "development", (req, res) => ({
      db,
      config,
      content,
      requestId: res.locals.requestId as string,
      cspNonce: res.locals.cspNonce as string,
      csrfToken: res.locals.csrfToken as string,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    })),
  );

  app.use((error: unknown, _req: Request, res: express.Response, _next: express.NextFunction) => {
    log.error("unhandled error", { requestId: res.locals.requestId, error });
    if (!res.headersSent) res.status(500).type("text/plain").send(`Error ${res.locals.requestId}`);
  });
  return app;
}

function csrfRefusalPage(req: Request): string {
  const locale = chooseLocale(null, readCookie(req.headers.cookie, LOCALE_COOKIE), req.get("accept-language"));
  const t = serverT(locale);
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(t("csrf.title"))}</title></head><body><main><h1>${escape(t("csrf.title"))}</h1><p>${escape(t("csrf.body"))}</p><p><a href="/">${escape(t("csrf.home"))}</a></p></main></body></html>`;
}
