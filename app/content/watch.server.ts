import { watch } from "node:fs";
import type { Logger } from "../server/log";
import { loadContent } from "./load.server";
import type { Catalog } from "./model";

/**
 * In development, reloads the courses when a file under `dir` changes, in place, so the next
 * request sees them. Content with errors is reported and the last good content kept.
 */
export function watchContent(dir: string, catalog: Catalog, log: Logger): () => void {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    const { catalog: fresh, problems } = loadContent(dir);
    for (const p of problems) log.warn("content problem", { at: `${p.file}:${p.line}`, problem: p.message });
    if (problems.some((p) => p.severity === "error")) {
      log.error("content not reloaded: fix the errors above");
      return;
    }
    catalog.courses.clear();
    for (const [id, course] of fresh.courses) catalog.courses.set(id, course);
    log.info("content reloaded", { courses: [...catalog.courses.keys()] });
  };
  const watcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(reload, 200);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
