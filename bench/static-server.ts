// The static reference: a saved copy of the lesson page's HTML served from memory by node:http,
// no framework, no compression (autocannon asks for none, as for the app). Every page's
// throughput is reported as a share of this server's, measured in the same run.
// Usage: tsx bench/static-server.ts <file.html> <port>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error("usage: static-server.ts <file.html> <port>");
const html = readFileSync(file);
const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": html.length, "cache-control": "no-cache" });
  res.end(html);
});
server.listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
