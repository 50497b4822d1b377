// `npm run content:check`: validates every course under content/courses and prints each problem
// as `file:line: message`; exits non-zero when there is any error.
import { lessonCounts, loadContent } from "../app/content/load.server";
import { pick } from "../app/content/model";

const root = process.argv[2] ?? "content/courses";
const { catalog, problems } = loadContent(root);
for (const p of problems) console.log(`${p.file}:${p.line}: ${p.severity === "warning" ? "warning: " : ""}${p.message}`);

const errors = problems.filter((p) => p.severity === "error").length;
const warnings = problems.length - errors;
console.log(`\n${catalog.courses.size} course(s) valid in ${root}:`);
for (const course of catalog.courses.values()) {
  const counts = Object.entries(lessonCounts(course)).map(([locale, n]) => `${locale} ${n}`).join(", ");
  console.log(`  ${course.id} — ${pick(course.title, "es")}: ${course.modules.length} modules, lessons ${counts}`);
}
console.log(`${errors} error(s), ${warnings} warning(s).`);
process.exit(errors > 0 ? 1 : 0);
