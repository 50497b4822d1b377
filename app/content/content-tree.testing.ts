// For the loader's tests: writes a content tree into a temporary folder and loads it, with each
// problem as one line "path:line: [warning: ]message" relative to that folder.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { loadContent } from "./load.server";

/** `files` maps a path inside `root` to its text; null leaves the file out. */
export function writeAndLoad(root: string, files: Record<string, string | null>) {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const result = loadContent(root);
  const report = result.problems.map((p) => `${relative(root, p.file.startsWith("/") ? p.file : join(process.cwd(), p.file))}:${p.line}: ${p.severity === "warning" ? "warning: " : ""}${p.message}`);
  return { ...result, report };
}
