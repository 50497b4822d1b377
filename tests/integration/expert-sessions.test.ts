import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Trx } from "../../db/client";
import { loadContent } from "../../app/content/load.server";
import type { Catalog } from "../../app/content/model";
import { checkIn, markAttendance } from "../../app/models/sessions/attendance.server";
import { reflectionsOfCohort, saveReflection } from "../../app/models/sessions/reflection.server";
import { saveSchedule, scheduleOf } from "../../app/models/sessions/schedule.server";
import { grantsOf } from "../../app/models/access.server";
import { calendarFeedToken } from "../../app/models/sessions/calendar-feed.server";
import { sessionAttendance } from "../../app/models/reports/session-attendance.server";
import { loader as feedLoader } from "../../app/routes/calendar.$token";
import { loader as overviewLoader } from "../../app/routes/coordinate._index";
import { loader as attendanceCsv } from "../../app/routes/resources.report-attendance";
import { parseCsv } from "../setup/csv";
import { action as scheduleAction, loader as scheduleLoader } from "../../app/routes/facilitate.sessions.$cohortId.$courseId.$itemId";
import { loader as itemLoader } from "../../app/routes/learn.$courseId.$itemId/route";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makePerson } from "../setup/factories";
import { courseOf, ok } from "../setup/results";
import { openTestDb, type TestDb } from "../setup/test-db";

// Presentations by experts, as a cohort lives them: the facilitator schedules the talk and reads
// out a check-in code; officers type it within its window; others read the transcript and answer
// the reflection. Each path is a learning event and completes the item in the same transaction.
const COURSE = "vulnerability-referral";
const ITEM = "referral-mechanisms-talk";
// The item alone in a course of its own: open, whatever the real course's prerequisites.
const session = { course: courseOf(COURSE, [ITEM]), item: { id: ITEM, kind: "session" } };
const MINUTE = 60_000;

let t: TestDb;
let content: Catalog;
let context: AppLoadContext;
const cohorts = { a: "", b: "" };
const facilitators = { a: "", b: "" };
beforeAll(async () => {
  t = await openTestDb();
  content = loadContent("content/courses").catalog;
  context = testContext(t.db, { content });
  for (const key of ["a", "b"] as const) {
    cohorts[key] = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohorts[key], course_id: COURSE, due_on: null }).execute();
    facilitators[key] = (await makePerson(t.db, { role: "facilitator", cohortId: cohorts[key] })).id;
  }
});
afterAll(async () => t.close());

const tx = <T>(run: (trx: Trx) => Promise<T>) => t.db.transaction().execute(run);

async function schedule(cohortId: string, startsAt: Date, capacity: number | null = null) {
  return ok(await tx((trx) => saveSchedule(trx, { cohortId, courseId: COURSE, itemId: ITEM, startsAt, minutes: 60, timeZone: "America/Guatemala", meetingUrl: "https://meet.example.org/x", capacity, by: facilitators.a }))).schedule;
}

const completedAt = async (personId: string) =>
  (await t.db.selectFrom("item_progress").select("completed_at").where("person_id", "=", personId).where("course_id", "=", COURSE).where("item_id", "=", ITEM).executeTakeFirst())?.completed_at ?? null;
const eventsOf = async (personId: string, verb: string) =>
  t.db.selectFrom("learning_events").select(["verb", "object_id", "result"]).where("actor_id", "=", personId).where("verb", "=", verb).where("object_id", "=", `${COURSE}/${ITEM}`).execute();
const attendanceOf = async (personId: string) => t.db.selectFrom("session_attendance").select(["method", "schedule_id"]).where("person_id", "=", personId).execute();

describe(`expert sessions (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("the right code in its window records attendance, an 'attended' event and completes the item", async () => {
    const cohortId = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: null }).execute();
    const planned = await schedule(cohortId, new Date(Date.now() + 5 * MINUTE));
    const officer = await makePerson(t.db, { cohortId });
    // Typed as people type it: lower case, with a space in the middle.
    const typed = `${planned.checkin_code.slice(0, 3).toLowerCase()} ${planned.checkin_code.slice(3)}`;
    expect(await tx((trx) => checkIn(trx, officer.id, session, typed))).toEqual({ ok: true, newlyCompleted: true });
    expect(await attendanceOf(officer.id)).toEqual([{ method: "code", schedule_id: planned.id }]);
    expect(await eventsOf(officer.id, "attended")).toHaveLength(1);
    expect(await completedAt(officer.id)).not.toBeNull();
    // Typed again (a double tap): nothing more is recorded.
    expect(await tx((trx) => checkIn(trx, officer.id, session, planned.checkin_code))).toEqual({ ok: true, newlyCompleted: false });
    expect(await eventsOf(officer.id, "attended")).toHaveLength(1);
  });

  it("refuses a code outside its window, and stores nothing", async () => {
    const cohortId = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: null }).execute();
    const start = new Date(Date.now() + 24 * 60 * MINUTE);
    const planned = await schedule(cohortId, start);
    const officer = await makePerson(t.db, { cohortId });
    // The window: 15 minutes before the start to 30 minutes after the end (60 minutes long).
    expect(await tx((trx) => checkIn(trx, officer.id, session, planned.checkin_code, new Date(start.getTime() - 16 * MINUTE)))).toEqual({ ok: false, code: "notOpenYet" });
    expect(await tx((trx) => checkIn(trx, officer.id, session, planned.checkin_code, new Date(start.getTime() + 91 * MINUTE)))).toEqual({ ok: false, code: "closed" });
    expect(await attendanceOf(officer.id)).toEqual([]);
    expect(await completedAt(officer.id)).toBeNull();
    // Its edges are inside.
    expect(await tx((trx) => checkIn(trx, officer.id, session, planned.checkin_code, new Date(start.getTime() + 90 * MINUTE)))).toMatchObject({ ok: true });
  });

  it("refuses another cohort's code, and a code where the cohort has no session", async () => {
    const planned = { a: await schedule(cohorts.a, new Date()), b: await schedule(cohorts.b, new Date()) };
    expect(planned.a.checkin_code).not.toBe(planned.b.checkin_code);
    const inA = await makePerson(t.db, { cohortId: cohorts.a });
    expect(await tx((trx) => checkIn(trx, inA.id, session, planned.b.checkin_code))).toEqual({ ok: false, code: "wrongCode" });
    expect(await attendanceOf(inA.id)).toEqual([]);
    const elsewhere = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: elsewhere, course_id: COURSE, due_on: null }).execute();
    const unscheduled = await makePerson(t.db, { cohortId: elsewhere });
    expect(await tx((trx) => checkIn(trx, unscheduled.id, session, planned.a.checkin_code))).toEqual({ ok: false, code: "noSchedule" });
  });

  it("keeps the code when the session is moved, and refuses check-ins past its capacity", async () => {
    const cohortId = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: null }).execute();
    const first = await schedule(cohortId, new Date(Date.now() + 60 * MINUTE));
    const moved = await schedule(cohortId, new Date(), 1);
    expect(moved.id).toBe(first.id);
    expect(moved.checkin_code).toBe(first.checkin_code);
    const [one, two] = [await makePerson(t.db, { cohortId }), await makePerson(t.db, { cohortId })];
    expect(await tx((trx) => checkIn(trx, one.id, session, moved.checkin_code))).toMatchObject({ ok: true });
    expect(await tx((trx) => checkIn(trx, two.id, session, moved.checkin_code))).toEqual({ ok: false, code: "full" });
  });

  it("the facilitator marks everyone present but the absentees, once the session has begun", async () => {
    const cohortId = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: null }).execute();
    const facilitator = await makePerson(t.db, { role: "facilitator", cohortId });
    const later = await schedule(cohortId, new Date(Date.now() + 60 * MINUTE));
    const [present, absent, checkedIn] = [await makePerson(t.db, { cohortId }), await makePerson(t.db, { cohortId }), await makePerson(t.db, { cohortId })];
    expect(await tx((trx) => markAttendance(trx, later, new Set(), facilitator.id, session))).toEqual({ ok: false, code: "notStarted" });
    const now = await schedule(cohortId, new Date(Date.now() - MINUTE));
    ok(await tx((trx) => checkIn(trx, checkedIn.id, session, now.checkin_code)));
    expect(await tx((trx) => markAttendance(trx, now, new Set([absent.id]), facilitator.id, session))).toEqual({ ok: true, marked: 1 });
    expect(await attendanceOf(present.id)).toEqual([{ method: "facilitator", schedule_id: now.id }]);
    expect(await attendanceOf(absent.id)).toEqual([]);
    expect(await attendanceOf(checkedIn.id)).toEqual([{ method: "code", schedule_id: now.id }]);
    expect(await completedAt(present.id)).not.toBeNull();
    expect(await completedAt(absent.id)).toBeNull();
    // The facilitator is not on the list of learners.
    expect(await attendanceOf(facilitator.id)).toEqual([]);
  });

  it("a reflection of enough length completes the item and is kept for the facilitator; too short or with personal data, nothing is stored", async () => {
    const officer = await makePerson(t.db, { cohortId: cohorts.a });
    expect(await tx((trx) => saveReflection(trx, officer.id, session, "Muy corta.", 120))).toEqual({ ok: false, code: "tooShort" });
    const withPhone = "En mi puesto llamamos a la Procuraduría al número 55 1234 5678 y esperamos; a veces nadie contesta y la persona se queda horas en la oficina sin saber qué pasa.";
    expect(await tx((trx) => saveReflection(trx, officer.id, session, withPhone, 120))).toEqual({ ok: false, code: "personalData" });
    expect(await completedAt(officer.id)).toBeNull();
    const body = "En mi puesto la referencia depende de quién esté de turno. Lo primero que cambiaría es pedir el consentimiento antes de llamar a nadie y explicar a la persona qué va a pasar.";
    expect(await tx((trx) => saveReflection(trx, officer.id, session, body, 120))).toEqual({ ok: true, newlyCompleted: true });
    expect(await completedAt(officer.id)).not.toBeNull();
    expect(await eventsOf(officer.id, "responded")).toHaveLength(1);
    const seen = await reflectionsOfCohort(t.db, cohorts.a, COURSE, ITEM);
    expect(seen.map((r) => r.body)).toContain(body);
    // Another cohort's facilitator page does not list it.
    expect((await reflectionsOfCohort(t.db, cohorts.b, COURSE, ITEM)).map((r) => r.body)).not.toContain(body);
  });
});

describe(`the schedule page (${process.env.SENDERO_TEST_ENGINE})`, () => {
  const url = (cohortId: string) => `/facilitate/sessions/${cohortId}/${COURSE}/${ITEM}`;
  const params = (cohortId: string) => ({ cohortId, courseId: COURSE, itemId: ITEM });
  const form = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams({ intent: "schedule", minutes: "60", meetingUrl: "", capacity: "", ...fields }) });

  it("a facilitator schedules their cohort's session in a time zone; the start is stored as its UTC instant", async () => {
    const cohortId = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: null }).execute();
    const facilitator = await makePerson(t.db, { role: "facilitator", cohortId });
    const response = await outcome(async () => scheduleAction({ request: await signedInRequest(t.db, facilitator.id, url(cohortId), form({ date: "2027-03-15", time: "10:00", timeZone: "America/Guatemala" })), context, params: params(cohortId) }));
    expect(response.status).toBe(302);
    const stored = await scheduleOf(t.db, cohortId, COURSE, ITEM);
    expect(stored?.starts_at.toISOString()).toBe("2027-03-15T16:00:00.000Z");
    const page = await outcome(async () => scheduleLoader({ request: await signedInRequest(t.db, facilitator.id, url(cohortId)), context, params: params(cohortId) }));
    expect((await page.json()).schedule.code).toBe(stored?.checkin_code);
  });

  it("answers a time skipped by a clock change with a translated error, and keeps what was typed", async () => {
    const cohortId = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: null }).execute();
    const facilitator = await makePerson(t.db, { role: "facilitator", cohortId });
    // Havana springs forward at midnight on 8 March 2026: 00:30 does not exist that night.
    const response = await outcome(async () => scheduleAction({ request: await signedInRequest(t.db, facilitator.id, url(cohortId), form({ date: "2026-03-08", time: "00:30", timeZone: "America/Havana" })), context, params: params(cohortId) }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ time: "facilitate.sessions.errors.nonexistentTime" });
    expect(body.values).toMatchObject({ date: "2026-03-08", time: "00:30", timeZone: "America/Havana" });
    expect(await scheduleOf(t.db, cohortId, COURSE, ITEM)).toBeNull();
  });

  it("a facilitator of cohort A can neither open nor schedule cohort B's session", async () => {
    const before = await scheduleOf(t.db, cohorts.b, COURSE, ITEM);
    const page = await outcome(async () => scheduleLoader({ request: await signedInRequest(t.db, facilitators.a, url(cohorts.b)), context, params: params(cohorts.b) }));
    expect(page.status).toBe(404);
    const tampered = await outcome(async () => scheduleAction({ request: await signedInRequest(t.db, facilitators.a, url(cohorts.b), form({ date: "2027-01-10", time: "09:00", timeZone: "America/Mexico_City" })), context, params: params(cohorts.b) }));
    expect(tampered.status).toBe(404);
    expect(await scheduleOf(t.db, cohorts.b, COURSE, ITEM)).toEqual(before);
    // An officer of the cohort has no schedule permission at all.
    const officer = await makePerson(t.db, { cohortId: cohorts.a });
    const refused = await outcome(async () => scheduleLoader({ request: await signedInRequest(t.db, officer.id, url(cohorts.a)), context, params: params(cohorts.a) }));
    expect(refused.status).toBe(403);
  });
});

describe(`attendance in the coordinator's reports (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("counts in the overview what a direct SQL count finds, within the coordinator's scope only", async () => {
    const cohortId = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: null }).execute();
    const facilitator = await makePerson(t.db, { role: "facilitator", cohortId });
    const planned = await schedule(cohortId, new Date(Date.now() - MINUTE));
    const officers: { id: string }[] = [];
    for (let i = 0; i < 5; i++) officers.push(await makePerson(t.db, { cohortId }));
    ok(await tx((trx) => checkIn(trx, officers[0]!.id, session, planned.checkin_code)));
    ok(await tx((trx) => checkIn(trx, officers[1]!.id, session, planned.checkin_code)));
    ok(await tx((trx) => markAttendance(trx, planned, new Set([officers[3]!.id, officers[4]!.id]), facilitator.id, session)));
    ok(await tx((trx) => saveReflection(trx, officers[4]!.id, session, "x".repeat(150), 120)));

    const direct = await t.db.selectFrom("session_attendance").select((eb) => eb.fn.countAll<number>().as("n")).where("schedule_id", "=", planned.id).executeTakeFirstOrThrow();
    const byMethod = await t.db.selectFrom("session_attendance").select(["method", (eb) => eb.fn.countAll<number>().as("n")]).where("schedule_id", "=", planned.id).groupBy("method").execute();
    const coordinator = await makePerson(t.db, { role: "coordinator", scope: { kind: "cohort", id: cohortId } });
    const page = await outcome(async () => overviewLoader({ request: await signedInRequest(t.db, coordinator.id, "/coordinate"), context, params: {} }));
    const row = (await page.json()).attendance.find((a: { scheduleId: string }) => a.scheduleId === planned.id);
    expect(row).toMatchObject({ invited: 5, attended: Number(direct.n), byCode: 2, byFacilitator: 1, reflections: 1 });
    expect(Number(direct.n)).toBe(3);
    expect(Object.fromEntries(byMethod.map((m) => [m.method, Number(m.n)]))).toEqual({ code: 2, facilitator: 1 });

    // The export has a line per officer of the cohort, saying how each attended.
    const csv = await outcome(async () => attendanceCsv({ request: await signedInRequest(t.db, coordinator.id, `/resources/report-attendance?cohort=${cohortId}&format=csv`), context, params: {} }));
    const [header, ...lines] = parseCsv((await csv.text()).replace(/^\uFEFF/, ""));
    expect(header).toEqual(["Persona", "Correo", "País", "Grupo", "Presentación", "Inicio (UTC)", "Asistencia", "Reflexión"]);
    expect(lines.map((l) => l[6]).sort()).toEqual(["Con código", "Con código", "No asistió", "No asistió", "Registrada por facilitación"]);
    expect(lines.filter((l) => l[7] === "Sí")).toHaveLength(1);

    // Another cohort's coordinator is not told about it.
    const outsider = await makePerson(t.db, { role: "coordinator", scope: { kind: "cohort", id: cohorts.b } });
    const theirs = await sessionAttendance(t.db, content, await grantsOf(t.db, outsider.id), { cohort: null, course: null, country: null, institution: null });
    expect(theirs.map((a) => a.scheduleId)).not.toContain(planned.id);
  });
});

describe(`a session's page and calendars (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("the personal calendar feed lists the cohort's sessions and the course's due date, and refuses an altered address", async () => {
    const cohortId = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: "2027-06-30" }).execute();
    const planned = await schedule(cohortId, new Date("2027-03-15T16:00:00Z"));
    const officer = await makePerson(t.db, { cohortId });
    const token = await calendarFeedToken(t.db, officer.id);
    const response = await outcome(async () => feedLoader({ request: new Request(`http://sendero.test/calendar/${token}`), context, params: { token } }));
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    expect(text).toContain(`UID:session-${planned.id}@sendero`);
    expect(text).toContain("DTSTART:20270315T160000Z");
    expect(text).toContain("DTSTART;VALUE=DATE:20270630");
    const other = await makePerson(t.db, { cohortId });
    const forged = `${other.id}.${token.split(".")[1]}`;
    expect((await outcome(async () => feedLoader({ request: new Request(`http://sendero.test/calendar/${forged}`), context, params: { token: forged } }))).status).toBe(404);
  });

  it("sends the recording (with its captions) in full mode, and none in low-data mode", async () => {
    // The shipped talks have no recording yet: this course's copy has one.
    const base = content.courses.get(COURSE)!;
    const talk = base.sessions.get(ITEM)!;
    const withRecording = { ...talk, recording: { media: "video" as const, url: "https://media.example.org/talk.mp4" }, captions: { es: "WEBVTT\n\n00:00.000 --> 00:02.000\nHola\n" } };
    const onlyTalk = { ...base, modules: [{ ...base.modules[0]!, requires: [], items: [{ ...base.items.get(ITEM)!, moduleId: base.modules[0]!.id, requires: [] }] }], items: new Map([[ITEM, { ...base.items.get(ITEM)!, moduleId: base.modules[0]!.id, requires: [] }]]), sessions: new Map([[ITEM, withRecording]]) };
    const recorded = testContext(t.db, { content: { courses: new Map([[COURSE, onlyTalk]]) } });
    const cohortId = await makeCohort(t.db);
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: COURSE, due_on: null }).execute();
    const full = await makePerson(t.db, { cohortId });
    const low = await makePerson(t.db, { cohortId });
    await t.db.updateTable("people").set({ data_mode: "low" }).where("id", "=", low.id).execute();
    const pageOf = async (personId: string) => (await (await outcome(async () => itemLoader({ request: await signedInRequest(t.db, personId, `/learn/${COURSE}/${ITEM}`), context: recorded, params: { courseId: COURSE, itemId: ITEM } }))).json()).session;
    expect((await pageOf(full.id)).recording).toEqual({ media: "video", url: "https://media.example.org/talk.mp4", captions: [{ locale: "es", src: `/session-captions/${COURSE}/${ITEM}/es.vtt` }] });
    const lowPage = await pageOf(low.id);
    expect(lowPage.recording).toBeNull();
    expect(lowPage.transcript.html).toContain("<h2>");
  });
});
