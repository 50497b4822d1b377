import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import { progressCourse } from "../../app/content/progress-course";
import { summarize } from "../../app/machines/course-progress";
import { recordCompletion, recordView } from "../../app/models/learning/record.server";
import { factsFor, progressOnMissingItems, progressSnapshot } from "../../app/models/progress.server";
import { makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let root: string;
beforeAll(async () => {
  t = await openTestDb();
  root = mkdtempSync(join(tmpdir(), "sendero-progress-"));
  writeCourse("Texto original de la lección.");
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await t.close();
});

function writeCourse(lessonText: string) {
  const dir = join(root, "mini");
  mkdirSync(join(dir, "lessons"), { recursive: true });
  writeFileSync(
    join(dir, "course.yaml"),
    `id: mini\nversion: 1\nlocales:\n  es: published\ntitle:\n  es: Mini\nsummary:\n  es: Un curso corto.\nminutes: 20\nopen_to_all: true\nmodules:\n  - id: m1\n    title:\n      es: Uno\n    items:\n      - id: one\n        kind: lesson\n      - id: two\n        kind: lesson\n        requires: [one]\n`,
  );
  for (const id of ["one", "two"]) {
    writeFileSync(join(dir, "lessons", `${id}.es.md`), `---\ntitle: Lección ${id}\nminutes: 10\nsources:\n  - Fuente\n---\n\n${lessonText}\n`);
  }
}

function loadMini() {
  const course = loadContent(root).catalog.courses.get("mini");
  if (!course) throw new Error("fixture course did not load");
  return { ...progressCourse(course), id: course.id };
}

async function completedEvents(personId: string) {
  return t.db.selectFrom("learning_events").select(["verb", "object_id"]).where("actor_id", "=", personId).where("verb", "=", "completed").execute();
}

describe(`course progress storage (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("records the same completion once, however often it is submitted", async () => {
    const person = await makePerson(t.db);
    const course = loadMini();
    await recordView(t.db, person.id, course.id, "one", "lesson");
    const results = await Promise.all([1, 2, 3].map(() => recordCompletion(t.db, person.id, course, "one", "lesson")));
    expect(results.filter((r) => r.ok && r.newlyCompleted)).toHaveLength(1);
    expect(await recordCompletion(t.db, person.id, course, "one", "lesson")).toEqual({ ok: true, newlyCompleted: false, courseCompleted: false });
    expect(await completedEvents(person.id)).toEqual([{ verb: "completed", object_id: "mini/one" }]);
  });

  it("refuses to complete a locked item and records nothing", async () => {
    const person = await makePerson(t.db);
    expect(await recordCompletion(t.db, person.id, loadMini(), "two", "lesson")).toEqual({ ok: false, code: "locked" });
    expect(await completedEvents(person.id)).toEqual([]);
  });

  it("completes the course with its last required item, in the same transaction", async () => {
    const person = await makePerson(t.db);
    const course = loadMini();
    await recordCompletion(t.db, person.id, course, "one", "lesson");
    expect(await recordCompletion(t.db, person.id, course, "two", "lesson")).toEqual({ ok: true, newlyCompleted: true, courseCompleted: true });
    expect((await completedEvents(person.id)).map((e) => e.object_id).sort()).toEqual(["mini", "mini/one", "mini/two"]);
    const row = await t.db.selectFrom("course_progress").select("completed_at").where("person_id", "=", person.id).executeTakeFirstOrThrow();
    expect(row.completed_at).toBeInstanceOf(Date);
  });

  it("keeps progress when a lesson's wording is edited", async () => {
    const person = await makePerson(t.db);
    await recordView(t.db, person.id, "mini", "one", "lesson");
    await recordCompletion(t.db, person.id, loadMini(), "one", "lesson");
    const before = summarize(progressSnapshot(loadMini(), await factsFor(t.db, person.id, "mini")).context);

    writeCourse("Texto corregido: la lección se reescribió por completo.");
    const edited = loadMini();
    const after = summarize(progressSnapshot(edited, await factsFor(t.db, person.id, "mini")).context);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ requiredDone: 1, nextItemId: "two" });
  });
});

describe(`content changes against recorded progress (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("names each removed item that learners have progress on, with how many", async () => {
    const first = await makePerson(t.db);
    const second = await makePerson(t.db);
    for (const person of [first, second]) await recordView(t.db, person.id, "gone-course", "old-item", "lesson");
    await recordView(t.db, first.id, "mini", "one", "lesson");
    const itemsNow = new Map([["mini", new Set(["one", "two"])]]);
    const affected = await progressOnMissingItems(t.db, itemsNow);
    expect(affected).toContainEqual({ courseId: "gone-course", itemId: "old-item", learners: 2 });
    expect(affected.some((a) => a.courseId === "mini")).toBe(false);
  });
});
