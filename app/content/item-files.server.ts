import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { z } from "zod";
import { LOCALES, type Locale } from "../i18n/locales";
import type { CourseFile } from "./schema";
import { YamlSource, type Problem } from "./yaml-source.server";

// What reading the per-item files of a course (quizzes/, scenarios/, sessions/) has in common.

/** A path as problems show it: relative to where the check runs. */
export function display(path: string): string {
  return relative(process.cwd(), resolve(path)) || path;
}

/** The item kinds that have a file of their own, and the folder it lives in. */
export const ITEM_FOLDERS = { quiz: "quizzes", scenario: "scenarios", session: "sessions", "group-task": "group-tasks" } as const;
export type FileKind = keyof typeof ITEM_FOLDERS;

/**
 * Reads every `<folder>/<item-id>.yaml` of a course (used by an item or not): YAML syntax, the
 * schema, then the kind's own `check` and every text in every published locale. Files that pass
 * are handed to `keep`; a file no item of that kind names is a warning. Other files in the
 * folder are warned about unless `companions` matches them (a session's transcripts, captions).
 */
export function loadItemFiles<S extends z.ZodType>(
  dir: string,
  data: CourseFile,
  kind: FileKind,
  schema: S,
  check: (source: YamlSource, value: z.infer<S>, id: string) => Problem[],
  keep: (id: string, value: z.infer<S>) => void,
  companions?: RegExp,
): Problem[] {
  const problems: Problem[] = [];
  const folderPath = join(dir, ITEM_FOLDERS[kind]);
  if (!existsSync(folderPath)) return problems;
  const itemIds = new Set(data.modules.flatMap((m) => m.items.filter((i) => i.kind === kind).map((i) => i.id)));
  const published = LOCALES.filter((l) => data.locales[l] === "published");
  for (const name of readdirSync(folderPath).sort()) {
    const file = join(folderPath, name);
    const match = /^(.+)\.yaml$/.exec(name);
    if (!match) {
      if (!companions?.test(name)) problems.push({ file: display(file), line: 1, message: `${kind} files end in .yaml`, severity: "warning" });
      continue;
    }
    const source = new YamlSource(display(file), readFileSync(file, "utf8"));
    const syntax = source.syntaxProblems();
    if (syntax.length) {
      problems.push(...syntax);
      continue;
    }
    const { data: value, problems: found } = source.validate(schema);
    problems.push(...found);
    if (!value) continue;
    const checks = [...check(source, value, match[1]!), ...missingLocales(source, value, published)];
    problems.push(...checks);
    if (!itemIds.has(match[1]!)) problems.push({ file: display(file), line: 1, message: `file belongs to no ${kind} item of course.yaml`, severity: "warning" });
    if (checks.length === 0 && found.length === 0) keep(match[1]!, value);
  }
  return problems;
}

/** Every text of an item file must exist in every published locale of its course. */
export function missingLocales(source: YamlSource, value: unknown, locales: readonly Locale[], path: (string | number)[] = []): Problem[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => missingLocales(source, v, locales, [...path, i]));
  if (!value || typeof value !== "object") return [];
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => (LOCALES as readonly string[]).includes(k))) {
    const missing = locales.filter((l) => !keys.includes(l));
    return missing.length ? [source.problem(path, `${path.join(".")}: missing ${missing.join(", ")} text`)] : [];
  }
  return Object.entries(value).flatMap(([k, v]) => missingLocales(source, v, locales, [...path, k]));
}
