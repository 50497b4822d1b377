import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import { progressCourse } from "../../app/content/progress-course";
import { summarize } from "../../app/machines/course-progress";
import { factsFor, progressSnapshot } from "../../app/models/progress.server";
import { loadQuizState } from "../../app/models/quiz.server";
import { quizSettings } from "../../app/quiz/attempt";
import { courseOf, ok } from "../setup/results";
import { insertRows } from "../../bench/lib/bulk-insert";
import { Random } from "../../bench/lib/prng";
import { emptyRows, simulateCourse } from "../../bench/seed/history";
import { makeCohort, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

// The benchmark data set is written with set-based inserts, not through the app; these checks
// prove that what it writes reads back through the app's own models as the same progress.
let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => t.close());

const course = loadContent("content/courses").catalog.courses.get("vulnerability-referral")!;

describe(`bench seed (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("writes progress and quiz states that the app reads back consistently with the event log", async () => {
    const cohort = await makeCohort(t.db);
    const random = new Random(7);
    const rows = emptyRows();
    const people: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { id } = await makePerson(t.db, { cohortId: cohort });
      people.push(id);
      simulateCourse(random, rows, id, course, Date.parse("2026-03-01T08:00:00Z"), i % 4 === 0 ? 1 : 0.2 + (i / 12) * 0.8, 0.6 + (i % 3) * 0.15);
    }
    await insertRows(t.db, "learning_events", [["actor_id", "uuid"], ["verb", "text"], ["object_type", "text"], ["object_id", "text"], ["result", "jsonb"], ["context", "jsonb"], ["timestamp", "timestamptz"]],
      rows.events.map((e) => [e.actorId, e.verb, e.object.type, e.object.id, e.result ? JSON.stringify(e.result) : null, JSON.stringify(e.context), e.timestamp]));
    await insertRows(t.db, "item_progress", [["person_id", "uuid"], ["course_id", "text"], ["item_id", "text"], ["first_viewed_at", "timestamptz"], ["last_viewed_at", "timestamptz"], ["completed_at", "timestamptz"], ["seconds_spent", "int4"]],
      rows.items.map((r) => [r.person_id, r.course_id, r.item_id, r.first_viewed_at, r.last_viewed_at, r.completed_at, r.seconds_spent]));
    await insertRows(t.db, "course_progress", [["person_id", "uuid"], ["course_id", "text"], ["started_at", "timestamptz"], ["last_activity_at", "timestamptz"], ["last_item_id", "text"], ["completed_at", "timestamptz"]],
      rows.courses.map((r) => [r.person_id, r.course_id, r.started_at, r.last_activity_at, r.last_item_id, r.completed_at]));
    await insertRows(t.db, "quiz_states", [["person_id", "uuid"], ["course_id", "text"], ["quiz_id", "text"], ["machine_version", "int4"], ["snapshot", "jsonb"], ["version", "int4"], ["updated_at", "timestamptz"]],
      rows.quizzes.map((r) => [r.person_id, r.course_id, r.quiz_id, r.machine_version, r.snapshot, r.version, r.updated_at]));

    expect(rows.events.length).toBeGreaterThan(100);
    let completedCourses = 0;
    for (const personId of people) {
      const facts = await factsFor(t.db, personId, course.id);
      const summary = summarize(progressSnapshot(progressCourse(course), facts).context);
      const events = await t.db.selectFrom("learning_events").select(["verb", "object_type", "object_id"]).where("actor_id", "=", personId).execute();
      // Every completed item has exactly one completion in the log (quizzes: the item's, beside the attempt's).
      expect(new Set(facts.completed).size).toBe(facts.completed.length);
      for (const itemId of facts.completed) expect(events.some((e) => e.verb === "completed" && e.object_id === `${course.id}/${itemId}`)).toBe(true);
      for (const itemId of facts.viewed) expect(events.some((e) => e.verb === "experienced" && e.object_id === `${course.id}/${itemId}`)).toBe(true);
      // The course row and the course's completion event agree with the progress rules.
      const courseRow = await t.db.selectFrom("course_progress").select("completed_at").where("person_id", "=", personId).executeTakeFirst();
      const courseDone = events.some((e) => e.verb === "completed" && e.object_type === "course");
      expect(Boolean(courseRow?.completed_at)).toBe(courseDone);
      expect(summary.status === "completed").toBe(courseDone);
      if (courseDone) completedCourses++;
      // Quiz states restore in the app (right machine version), with one graded attempt per
      // passed or failed event in the log.
      for (const [quizId, file] of course.quizzes) {
        const { snapshot, version } = ok(await loadQuizState(t.db, personId, { course: courseOf(course.id, []), quizId, settings: quizSettings(file) }));
        const graded = events.filter((e) => (e.verb === "passed" || e.verb === "failed") && e.object_id === `${course.id}/${quizId}`).length;
        expect(snapshot.context.finished.length).toBe(graded);
        expect(version > 0).toBe(events.some((e) => e.verb === "attempted" && e.object_id === `${course.id}/${quizId}`));
      }
    }
    expect(completedCourses).toBeGreaterThan(0);
  });
});
