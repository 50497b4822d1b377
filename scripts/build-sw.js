// Builds the service worker (app/offline/sw/service-worker.ts) into public/sw.js: esbuild
// bundles it with its Workbox modules, then workbox-build writes the precache list into it —
// the shell every page needs (entry, route manifest, root, shared chunks, main stylesheet) and
// the two offline pages. Runs after `remix build`, whose output it lists.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { injectManifest } from "workbox-build";

const bundled = "build/sw-bundle.js";
await build({
  entryPoints: ["app/offline/sw/service-worker.ts"],
  outfile: bundled,
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});

// The offline pages are rendered by the server; a new build may change them, so they carry
// the build's name as their revision (the route manifest's file name changes with every build).
const revision = createHash("sha256").update(readdirSync("public/build").join(",")).digest("hex").slice(0, 16);
const { count, size, warnings } = await injectManifest({
  swSrc: bundled,
  swDest: "public/sw.js",
  globDirectory: "public",
  globPatterns: ["build/entry.client-*.js", "build/manifest-*.js", "build/root-*.js", "build/_shared/*.js", "build/_assets/app-*.css"],
  // Fingerprinted names need no cache-busting: the browser's own cache may answer them.
  dontCacheBustURLsMatching: /-[A-Z0-9]{8}\.(js|css)$/,
  additionalManifestEntries: [
    { url: "/offline", revision },
    { url: "/offline?reason=connection", revision },
  ],
});
rmSync(bundled);
for (const warning of warnings) console.warn(warning);
console.log(`Built public/sw.js: ${count} files precached (${Math.round(size / 1024)} KB before compression)`);
