import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import es from "../locales/es.json";
import { ITEM_KINDS } from "../content/schema";
import { areaOf, KIND_SECTIONS, pickSections, sectionsFor } from "./sections";

// Every translation key a page's code can use must reach the browser with that page. The keys
// are found in the route module and everything it imports from app/ (server modules too: their
// loaders hand keys to the page, like a lock reason or an error).

const APP = resolve(__dirname, "..");
const SECTIONS = Object.keys(es);
const KEY = new RegExp(`["'\`]((?:${SECTIONS.join("|")})\\.[A-Za-z0-9_.]*)`, "g");

/** Every key in the Spanish file ("a.b.c"), to tell keys from look-alikes such as "people.id" (SQL). */
function flatten(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "object" && v !== null ? flatten(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const ALL_KEYS = flatten(es);
// Plural forms are keys with a suffix (item_one, item_other); a template prefix ends with a dot.
const isKey = (found: string) =>
  found.endsWith(".") ? ALL_KEYS.some((k) => k.startsWith(found)) : ALL_KEYS.some((k) => k === found || k.startsWith(`${found}_`) || k.startsWith(`${found}.`));

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  return [base, `${base}.tsx`, `${base}.ts`, join(base, "index.ts")].find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Keys (or key prefixes, from template strings) used by a module and what it imports. */
function keysOf(file: string, seen = new Set<string>(), skip: (file: string) => boolean = () => false): Set<string> {
  const keys = new Set<string>();
  // The list of sections itself names keys without using them; mail templates (app/mail/) are
  // rendered on the server into messages, never on a page.
  if (seen.has(file) || file.endsWith(".json") || file === join(APP, "i18n", "sections.ts") || file.startsWith(join(APP, "mail", "templates")) || skip(file)) return keys;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const match of source.matchAll(KEY)) if (isKey(match[1]!)) keys.add(match[1]!);
  for (const match of source.matchAll(/from\s+["']([^"']+)["']/g)) {
    const imported = resolveImport(file, match[1]!);
    if (imported) for (const key of keysOf(imported, seen, skip)) keys.add(key);
  }
  return keys;
}

const covered = (key: string, sections: readonly string[]) => sections.some((s) => key === s || key === `${s}.` || key.startsWith(`${s}.`));

/** Route modules that render a page, with the path their URL starts with. */
function pageRoutes(): { file: string; path: string }[] {
  const dir = join(APP, "routes");
  return readdirSync(dir)
    .filter((name) => !name.includes(".test."))
    .map((name) => {
      const file = statSync(join(dir, name)).isDirectory() ? join(dir, name, "route.tsx") : join(dir, name);
      const first = name.replace(/\.tsx?$/, "").split(".")[0]!;
      return { file, path: `/${first === "_index" || first === "$" ? "" : first}` };
    })
    .filter(({ file }) => /export default function/.test(readFileSync(file, "utf8")));
}

describe("translations sent with a page", () => {
  it("the frame (root, header, error page) uses only the frame's sections", () => {
    const missing = [...keysOf(join(APP, "root.tsx"))].filter((key) => !covered(key, sectionsFor("/no-such-area")));
    expect(missing).toEqual([]);
  });

  // The item page sends its kind's strings itself (KIND_SECTIONS): the files of one kind's
  // activity (app/activities/<kind>.server.ts, <kind>-panel.tsx and what they import) are checked
  // one kind at a time below.
  const ITEM_PAGE = join(APP, "routes", "learn.$courseId.$itemId", "route.tsx");
  const ofSomeKind = (file: string) => dirname(file) === join(APP, "activities") && ITEM_KINDS.some((kind) => new RegExp(`^${kind}[-.]`).test(file.slice(dirname(file).length + 1)));

  it.each(pageRoutes())("$file: every key it uses comes with its area", ({ file, path }) => {
    const missing = [...keysOf(file, new Set(), file === ITEM_PAGE ? ofSomeKind : undefined)].filter((key) => !covered(key, sectionsFor(path)));
    expect(missing).toEqual([]);
  });

  it.each([...ITEM_KINDS])("the %s activity uses only the learn area and its kind's strings", (kind) => {
    const files = [`${kind}-panel.tsx`, `${kind}.server.ts`].map((name) => join(APP, "activities", name));
    for (const file of files) expect(existsSync(file), file).toBe(true);
    const seen = new Set<string>();
    const keys = files.flatMap((file) => [...keysOf(file, seen)]);
    const missing = keys.filter((key) => !covered(key, [...sectionsFor("/learn"), ...KIND_SECTIONS[kind]]));
    expect(missing).toEqual([]);
  });

  it("knows a fixed list of areas, so any other path (or a crafted one) gets the frame alone", () => {
    expect(areaOf("/learn/course/item")).toBe("learn");
    expect(areaOf("/coordinate")).toBe("coordinate");
    for (const path of ["/", "/no-such-page", "/constructor", "/__proto__/x", ""]) expect(areaOf(path)).toBe("");
    expect(sectionsFor("/no-such-page")).toEqual(sectionsFor("/"));
  });

  it("picks whole sections and dotted sub-sections without touching the source", () => {
    const tree = { a: { x: "1", y: "2" }, b: { n: { deep: "3" }, m: "4" }, c: "5" };
    const before = JSON.stringify(tree);
    expect(pickSections(tree, ["a", "b.n", "zzz", "q.r"])).toEqual({ a: { x: "1", y: "2" }, b: { n: { deep: "3" } }, q: {} });
    expect(pickSections(tree, ["b", "b.n"])).toEqual({ b: tree.b });
    expect(JSON.stringify(tree)).toBe(before);
  });
});
