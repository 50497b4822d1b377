import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import type { Catalog } from "../../app/content/model";
import { discussionThread } from "../../app/models/dialogue/discussion.server";
import { findThread } from "../../app/models/dialogue/spaces.server";
import { moderatePost } from "../../app/models/dialogue/moderation.server";
import { createReply } from "../../app/models/dialogue/posting.server";
import { makeCohort, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

// A post in a course discussion and the item's completion are one change: they commit together,
// or (when any part fails) neither is stored. A trigger stands in for a failure of the
// completion, as a full disk or a lost connection would make it fail.
const COURSE = "psychological-first-aid";
const ITEM = "foundations-dialogue";
const LIMITS = { postsPerMinute: 100 };

let t: TestDb;
let content: Catalog;
let cohortId = "";
beforeAll(async () => {
  t = await openTestDb();
  content = loadContent("content/courses").catalog;
  cohortId = await makeCohort(t.db);
  await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: null }).execute();
  await sql`create function refuse_completion() returns trigger language plpgsql as $$
    begin
      if new.completed_at is not null and new.person_id in (select person_id from refused_completions) then raise exception 'completion refused'; end if;
      return new;
    end $$`.execute(t.db);
  await sql`create table refused_completions (person_id uuid primary key)`.execute(t.db);
  await sql`create trigger refuse_completion before insert or update on item_progress for each row execute function refuse_completion()`.execute(t.db);
});
afterAll(async () => t.close());

async function officerInThread(refused: boolean) {
  const person = await makePerson(t.db, { cohortId });
  if (refused) await sql`insert into refused_completions values (${person.id})`.execute(t.db);
  const course = content.courses.get(COURSE)!;
  const found = await discussionThread(t.db, person.id, course, course.items.get(ITEM)!);
  const viewer = { id: person.id, isAdmin: false };
  const thread = await findThread(t.db, viewer, found!.threadId);
  return { person, viewer, thread: thread! };
}

const postsBy = async (personId: string) => (await t.db.selectFrom("dialogue_posts").select(["id", "state"]).where("author_id", "=", personId).execute());
const completed = async (personId: string) =>
  (await t.db.selectFrom("item_progress").select("completed_at").where("person_id", "=", personId).where("course_id", "=", COURSE).where("item_id", "=", ITEM).executeTakeFirst())?.completed_at ?? null;

describe(`a discussion post and its item's completion (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("commit together: the published post and the completed item", async () => {
    const { person, viewer, thread } = await officerInThread(false);
    const result = await createReply(t.db, content, viewer, thread, { body: "Le ofrecí agua y un lugar tranquilo.", parentId: null }, LIMITS);
    expect(result).toMatchObject({ ok: true, state: "published" });
    expect(await postsBy(person.id)).toHaveLength(1);
    expect(await completed(person.id)).not.toBeNull();
  });

  it("roll back together: when the completion fails, the post is not stored either", async () => {
    const { person, viewer, thread } = await officerInThread(true);
    await expect(createReply(t.db, content, viewer, thread, { body: "Le ofrecí agua y un lugar tranquilo.", parentId: null }, LIMITS)).rejects.toThrow(/completion refused/);
    expect(await postsBy(person.id)).toEqual([]);
    expect(await completed(person.id)).toBeNull();
  });

  it("an approval that cannot complete the item leaves the post held", async () => {
    const { person, viewer, thread } = await officerInThread(true);
    // Personal data in the text: safeguarding holds the post for a facilitator.
    const held = await createReply(t.db, content, viewer, thread, { body: "Le pedí su teléfono 55 1234 5678 para seguimiento.", parentId: null }, LIMITS);
    expect(held).toMatchObject({ ok: true, state: "held" });
    const facilitator = await makePerson(t.db, { role: "facilitator", cohortId });
    const post = (await postsBy(person.id))[0]!;
    const version = (await t.db.selectFrom("dialogue_posts").select("version").where("id", "=", post.id).executeTakeFirstOrThrow()).version;
    const approve = moderatePost(t.db, content, { viewer: { id: facilitator.id, isAdmin: false }, requestId: "test" }, { postId: post.id, action: "approve", version });
    await expect(approve).rejects.toThrow(/completion refused/);
    expect(await postsBy(person.id)).toEqual([{ id: post.id, state: "held" }]);
    expect(await completed(person.id)).toBeNull();
  });
});
