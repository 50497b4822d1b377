// How the production server starts: package.json's "serve" script is the one place that says so
// (environment settings and Node flags). `npm start` and the benchmark start it the same way.
import { readFileSync } from "node:fs";

/**
 * The "serve" script split into its leading `NAME=value` settings and the arguments after `node`.
 * @returns {{ env: Record<string, string>, args: string[] }}
 */
export function serveCommand() {
  const words = JSON.parse(readFileSync("package.json", "utf8")).scripts.serve.trim().split(/\s+/);
  /** @type {Record<string, string>} */
  const env = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? "")) {
    const [name, ...value] = words.shift().split("=");
    env[name] = value.join("=");
  }
  if (words.shift() !== "node") throw new Error('package.json\'s "serve" script must run node');
  return { env, args: words };
}
