import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";

export interface Problem {
  file: string;
  line: number;
  message: string;
  severity: "error" | "warning";
}

/** A parsed YAML text that can tell the line of any value, for `file:line: message` reports. */
export class YamlSource {
  private readonly lines = new LineCounter();
  readonly doc: Document.Parsed;

  constructor(
    readonly file: string,
    text: string,
    /** Added to every line number (front matter starts below the file's first line). */
    private readonly lineOffset = 0,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
  }

  syntaxProblems(): Problem[] {
    return this.doc.errors.map((e) => ({
      file: this.file,
      line: this.lines.linePos(e.pos[0]).line + this.lineOffset,
      message: `YAML: ${e.message.split("\n")[0]}`,
      severity: "error" as const,
    }));
  }

  /** The line of the value at a path (or of the nearest parent that exists). */
  lineOf(path: readonly PropertyKey[]): number {
    for (let p = [...path]; ; p = p.slice(0, -1)) {
      const node = this.doc.getIn(p as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return this.lines.linePos(node.range[0]).line + this.lineOffset;
      if (p.length === 0) return 1 + this.lineOffset;
    }
  }

  /** The line of a key inside the mapping at a path. */
  lineOfKey(path: readonly PropertyKey[], key: string): number {
    const map = this.doc.getIn(path as unknown[], true);
    if (isMap(map)) {
      const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
      const range = isScalar(pair?.key) ? pair.key.range : undefined;
      if (range) return this.lines.linePos(range[0]).line + this.lineOffset;
    }
    return this.lineOf(path);
  }

  problem(path: readonly PropertyKey[], message: string, severity: Problem["severity"] = "error"): Problem {
    return { file: this.file, line: this.lineOf(path), message, severity };
  }

  /** Validates the document; each zod issue becomes a problem on its line. */
  validate<S extends z.ZodType>(schema: S): { data: z.infer<S> | null; problems: Problem[] } {
    const parsed = schema.safeParse(this.doc.toJS());
    if (parsed.success) return { data: parsed.data, problems: [] };
    const problems = parsed.error.issues.flatMap((issue): Problem[] => {
      const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => ({
          file: this.file,
          line: this.lineOfKey(issue.path, key),
          message: `${where}unknown key "${key}"`,
          severity: "error" as const,
        }));
      }
      return [{ file: this.file, line: this.lineOf(issue.path), message: `${where}${issue.message}`, severity: "error" }];
    });
    return { data: null, problems };
  }
}
