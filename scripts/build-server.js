// Bundles the production server (app/server/main.ts) into build/server.js. Packages stay
// external: PGlite's WASM files must be loaded from beside its package.
import { build } from "esbuild";

await build({
  entryPoints: ["app/server/main.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
console.log("Built build/server.js");
