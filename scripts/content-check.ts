// `npm run content:check`: validates every course under content/courses and prints each problem
// as `file:line: message`; exits non-zero when there is any error.
// With `--with-progress` it also opens the database (DATABASE_URL, or PGlite in DATA_DIR — stop
// the server first) and reports progress recorded on items the content no longer has.
import { lessonCounts, loadContent } from "../app/content/load.server";
import { pick } from "../app/content/model";
import { loadConfig } from "../app/config.server";
import { createDb } from "../db/client";
import { progressOnMissingItems } from "../app/models/progress.server";

const args = process.argv.slice(2);
const withProgress = args.includes("--with-progress");
const root = args.find((a) => !a.startsWith("--")) ?? "content/courses";
const { catalog, problems } = loadContent(root);
for (const p of problems) console.log(`${p.file}:${p.line}: ${p.severity === "warning" ? "warning: " : ""}${p.message}`);

const errors = problems.filter((p) => p.severity === "error").length;
const warnings = problems.length - errors;
console.log(`\n${catalog.courses.size} course(s) valid in ${root}:`);
for (const course of catalog.courses.values()) {
  const counts = Object.entries(lessonCounts(course)).map(([locale, n]) => `${locale} ${n}`).join(", ");
  const quizzes = [...course.quizzes.values()];
  const questions = quizzes.reduce((n, q) => n + q.questions.length, 0);
  console.log(`  ${course.id} — ${pick(course.title, "es")}: ${course.modules.length} modules, lessons ${counts}, ${quizzes.length} quiz file(s) with ${questions} question(s)`);
  for (const [id, scenario] of course.scenarios) {
    const outcomes = scenario.file.endings.map((e) => e.outcome);
    console.log(
      `    scenario ${id}: ${scenario.file.nodes.length} decision points, ${scenario.file.endings.length} endings ` +
        `(${["protected", "partial", "harmful"].map((o) => `${outcomes.filter((x) => x === o).length} ${o}`).join(", ")}), ` +
        `${course.scenarioPlays.get(id)} distinct plays`,
    );
  }
  for (const [id, session] of course.sessions) {
    const recording = session.recording ? `${session.recording.media} recording, captions ${Object.keys(session.captions).join(", ")}` : "no recording";
    console.log(`    session ${id}: ${session.speaker.name}, transcripts ${Object.keys(session.transcripts).join(", ")}, ${recording}`);
  }
}
if (withProgress) {
  const config = loadConfig();
  const db = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const itemsByCourse = new Map([...catalog.courses.values()].map((c) => [c.id, new Set(c.items.keys())]));
    const affected = await progressOnMissingItems(db, itemsByCourse);
    for (const a of affected) {
      console.log(`warning: ${a.courseId}/${a.itemId} is no longer in the content; it has progress of ${a.learners} learner(s)`);
    }
    if (affected.length === 0) console.log("No recorded progress is on items missing from the content.");
  } finally {
    await db.destroy();
  }
}
console.log(`${errors} error(s), ${warnings} warning(s).`);
process.exit(errors > 0 ? 1 : 0);
