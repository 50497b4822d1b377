// `npx tsx bench/report.ts`: rewrites bench/RESULTS.md (and the goals in latest.json) from the
// figures in bench/results/latest.json, e.g. after a change to how targets are judged.
import { readFileSync } from "node:fs";
import { writeResults, type Results } from "./lib/results";

const results = JSON.parse(readFileSync("bench/results/latest.json", "utf8")) as Results & { goals?: unknown };
delete results.goals;
writeResults(results);
console.log("Rewrote bench/RESULTS.md from bench/results/latest.json");
