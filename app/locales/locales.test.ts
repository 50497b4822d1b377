import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import es from "./es.json";

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("interface translations", () => {
  const esKeys = keys(es as Tree);
  const enKeys = keys(en as Tree);

  it("has the same keys in Spanish and English", () => {
    expect(enKeys.filter((k) => !esKeys.includes(k))).toEqual([]);
    expect(esKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("has a key for every literal t() call in the app", () => {
    const used = new Set<string>();
    for (const file of sourceFiles("app")) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\(\s*"([a-zA-Z0-9_.-]+)"/g)) used.add(match[1]!);
      // Message keys returned by actions (route modules) and put through t() by the page.
      if (file.endsWith(".tsx") || file.endsWith("schemas.server.ts"))
        for (const match of text.matchAll(/"((?:auth|form|join|reset|account|invitations|admin|nav|errors|learn|coordinate)\.[a-zA-Z0-9_.-]+)"/g)) used.add(match[1]!);
    }
    const known = new Set(esKeys.flatMap((k) => [k, k.replace(/_(one|other|zero|few|many)$/, "")]));
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });

  it("leaves no Spanish string empty unless English is empty too", () => {
    const flat = (tree: Tree) => Object.fromEntries(keys(tree).map((k) => [k, k.split(".").reduce<Tree | string>((node, part) => (node as Tree)[part]!, tree)]));
    const esFlat = flat(es as Tree);
    const enFlat = flat(en as Tree);
    expect(Object.keys(esFlat).filter((k) => (esFlat[k] === "") !== (enFlat[k] === ""))).toEqual([]);
  });
});
