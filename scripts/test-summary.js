// Prints one closing line for the whole `npm test` run from the vitest and Playwright JSON reports.
import { readFileSync } from "node:fs";

const [vitestFile, playwrightFile, reliabilityFile] = process.argv.slice(2);
const vitest = JSON.parse(readFileSync(vitestFile, "utf8"));
const playwright = JSON.parse(readFileSync(playwrightFile, "utf8"));
// One check per database engine of the reliability run.
const reliability = reliabilityFile ? JSON.parse(readFileSync(reliabilityFile, "utf8")).results : [];

const passed = vitest.numPassedTests + playwright.stats.expected + reliability.filter((r) => r.passed).length;
const failed = vitest.numFailedTests + playwright.stats.unexpected + playwright.stats.flaky + reliability.filter((r) => !r.passed).length;
const skipped = vitest.numPendingTests + vitest.numTodoTests + playwright.stats.skipped;
console.log(`\nvitest: ${vitest.numPassedTests} passed; playwright: ${playwright.stats.expected} passed; reliability: ${reliability.map((r) => `${r.engine} ${r.passed ? "passed" : "FAILED"}`).join(", ") || "not run"}`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
