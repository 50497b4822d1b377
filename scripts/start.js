// `npm start`: builds when the build is missing or older than the sources, then serves.
// The demo organisation is seeded on start (SEED_DEMO=0 turns that off).
import { spawnSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { serveCommand } from "./serve-command.js";

const SOURCES = ["app", "db", "content", "remix.config.js", "package.json", "package-lock.json"];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const outputs = ["build/index.js", "build/server.js", "public/build"];
const builtAt = Math.min(...outputs.map((p) => (existsSync(p) ? statSync(p).mtimeMs : 0)));
const sourcesAt = Math.max(...SOURCES.map(newestMtime));
if (builtAt === 0 || sourcesAt > builtAt) {
  console.log("Building Sendero…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The server's settings and Node flags (heap, allocator) are those of `npm run serve`.
const serve = serveCommand();
const env = { NODE_ENV: "production", SEED_DEMO: "1", ...serve.env, ...process.env };
const child = spawn(process.execPath, ["--enable-source-maps", ...serve.args], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
