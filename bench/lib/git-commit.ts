import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/** The commit measured, marked "+changes" when the working tree differs from it (results aside). */
export function gitCommit(): string {
  if (!existsSync(".git")) return "unknown";
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const changed = execFileSync("git", ["status", "--porcelain", "--", ".", ":!bench/results", ":!bench/RESULTS.md"], { encoding: "utf8" }).trim();
    return changed ? `${commit}+changes` : commit;
  } catch {
    return "unknown";
  }
}
