import type { AppLoadContext } from "@remix-run/node";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECORD_KINDS } from "../../app/models/privacy/kinds";
import { createSession } from "../../app/models/session.server";
import { CSV_FILES, JSON_FILE, README_FILE } from "../../app/privacy/files";
import { loader as ownExport } from "../../app/routes/resources.personal-data";
import { loader as personExport } from "../../app/routes/resources.personal-data.$personId";
import { hashToken } from "../../app/utils/tokens.server";
import { outcome, signedInRequest, testConfig, testContext } from "../setup/context";
import { parseCsv } from "../setup/csv";
import { makeCohort, makeCountry, makeInstitution, makePerson } from "../setup/factories";
import { offlineTokenOf, recordOneOfEach } from "../setup/personal-data";
import { MARKS } from "../setup/personal-data-marks";
import { openTestDb, type TestDb } from "../setup/test-db";

// Issue 21, export: a person downloads everything Sendero holds about them as a ZIP (one JSON,
// one CSV per kind, a README in their language); an admin does it for a person in their scope.
// Nobody else's data and no secret is in it; every download is audited.

let t: TestDb;
let context: AppLoadContext;
const people = { officer: { id: "", email: "" }, other: { id: "", email: "" }, admin: "", hnAdmin: "", gtAdmin: "" };
const names = { officer: "=Ana Exportación", other: "Otra Persona Zeta" };
let sessionToken = "";

beforeAll(async () => {
  t = await openTestDb();
  context = testContext(t.db);
  await makeCountry(t.db, "GT");
  const institution = await makeInstitution(t.db, "HN", "Instituto Nacional de Migración HN");
  const cohort = await makeCohort(t.db, "Grupo de privacidad");
  const officer = await makePerson(t.db, { cohortId: cohort, countryCode: "HN", institutionId: institution, name: names.officer });
  const other = await makePerson(t.db, { cohortId: cohort, countryCode: "HN", name: names.other });
  people.officer = officer;
  people.other = other;
  people.admin = (await makePerson(t.db, { role: "admin" })).id;
  people.hnAdmin = (await makePerson(t.db, { role: "admin", scope: { kind: "country", code: "HN" } })).id;
  people.gtAdmin = (await makePerson(t.db, { role: "admin", scope: { kind: "country", code: "GT" } })).id;
  await recordOneOfEach(t.db, officer.id, cohort, other);
  sessionToken = (await createSession(t.db, officer.id, { idleMs: testConfig.sessionIdleMs, maxMs: testConfig.sessionMaxMs }, "Navegador de prueba")).token;
});
afterAll(async () => t.close());

async function download(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/zip");
  expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="sendero-personal-data-\d{4}-\d{2}-\d{2}\.zip"$/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const exportsOf = (actor: string) => t.db.selectFrom("audit_log").select(["actor_id", "target_id", "details"]).where("action", "=", "person.data-exported").where("actor_id", "=", actor).execute();

describe(`personal data export (${process.env.SENDERO_TEST_ENGINE})`, () => {
  let files: Record<string, string> = {};

  it("gives the person a ZIP with a JSON file, a CSV per kind and a README in their language", async () => {
    const response = await outcome(async () => ownExport({ request: await signedInRequest(t.db, people.officer.id, "/resources/personal-data"), context, params: {} }));
    files = await download(response);
    expect(Object.keys(files).sort()).toEqual([JSON_FILE, README_FILE, ...Object.values(CSV_FILES)].sort());
    expect(files[README_FILE]).toContain("Sus datos en Sendero");
    for (const kind of RECORD_KINDS) expect(files[README_FILE], kind).toContain(CSV_FILES[kind]);
  });

  it("holds at least one record of every kind, in the JSON and in each CSV", () => {
    const json = JSON.parse(files[JSON_FILE]!) as { personId: string; records: Record<string, unknown[]> };
    expect(json.personId).toBe(people.officer.id);
    for (const kind of RECORD_KINDS) {
      expect(json.records[kind]?.length, `${kind} in ${JSON_FILE}`).toBeGreaterThan(0);
      const rows = parseCsv(files[CSV_FILES[kind]]!.replace(/^\uFEFF/, ""));
      expect(rows.length, `${CSV_FILES[kind]} rows`).toBeGreaterThan(1);
      expect(rows[0]!.join(","), `${CSV_FILES[kind]} header is translated`).not.toMatch(/privacyExport/);
    }
    const records = json.records as Record<string, Record<string, unknown>[]>;
    expect(records.profile![0]).toMatchObject({ email: people.officer.email, displayName: names.officer, countryCode: "HN", institution: "Instituto Nacional de Migración HN" });
    expect(records.memberships![0]).toMatchObject({ cohort: "Grupo de privacidad", role: "officer" });
    expect(records.roles![0]).toMatchObject({ role: "officer", scopeKind: "cohort", cohort: "Grupo de privacidad" });
    expect(records.itemProgress!.map((r) => r.itemId)).toContain("what-is-trafficking");
    expect(records.courseProgress![0]).toMatchObject({ courseId: "trafficking-smuggling" });
    expect(records.quizAnswers![0]).toMatchObject({ questionId: "trafficking-smuggling/recognise-quiz/q1", response: "b", score: 1, success: true, attempt: 1 });
    expect(records.quizResults![0]).toMatchObject({ quizId: "recognise-quiz", bestPercent: 100 });
    expect(records.scenarioDecisions![0]).toMatchObject({ choice: "ask-calmly", play: 1, score: 2 });
    expect(records.posts!.map((p) => p.body).sort()).toEqual([MARKS.post, MARKS.hiddenPost].sort());
    expect(records.posts!.find((p) => p.state === "hidden")).toMatchObject({ hiddenReason: "privacy", thread: MARKS.thread });
    expect(records.reports![0]).toMatchObject({ reason: MARKS.reportReason });
    expect(records.certificates![0]).toMatchObject({ courseId: "trafficking-smuggling", holderName: names.officer });
    expect(records.audit!.map((a) => `${a.action}:${a.as}`)).toEqual(expect.arrayContaining(["mail.preferences:both", "person.updated:subject", "person.data-exported:both"]));
    expect(records.signIns!.map((s) => s.userAgent)).toContain("Navegador de prueba");
  });

  it("holds the live sessions, the group work, what the dialogue recorded and the mail, each as the person's own", () => {
    const records = (JSON.parse(files[JSON_FILE]!) as { records: Record<string, Record<string, unknown>[]> }).records;
    expect(records.offlineCompletions).toEqual([expect.objectContaining({ courseId: "trafficking-smuggling", itemId: "what-is-trafficking" })]);
    expect(records.attendance).toEqual([expect.objectContaining({ cohort: "Grupo de privacidad", courseId: "vulnerability-referral", itemId: "referral-mechanisms-talk", method: "code" })]);
    expect(records.reflections).toEqual([expect.objectContaining({ courseId: "unaccompanied-children", itemId: "child-protection-talk", body: MARKS.reflection })]);
    expect(records.teams).toEqual([{ cohort: "Grupo de privacidad", team: MARKS.team }]);
    // Of the team's text, only the versions the person saved; the last one was handed in.
    expect(records.teamWork!.map((w) => [w.team, w.version, w.body, typeof w.handedInAt])).toEqual([
      [MARKS.team, 1, MARKS.teamDraft, "object"],
      [MARKS.team, 3, MARKS.teamHandedIn, "string"],
    ]);
    expect(records.teamWork![0]!.handedInAt).toBeNull();
    expect(records.peerReviews).toEqual([expect.objectContaining({ team: MARKS.team, reviewedTeam: MARKS.otherTeam, courseId: "trafficking-smuggling", itemId: "checkpoint-protocol", body: MARKS.peerReview })]);
    expect(records.teamFeedback).toEqual([expect.objectContaining({ team: MARKS.otherTeam, version: 1, decision: "returned", total: 2, maxTotal: 3, body: MARKS.teamFeedback })]);
    expect(records.threadMarks).toEqual([expect.objectContaining({ space: "Espacio general", following: true, readAt: expect.any(String) })]);
    expect(records.notifications).toEqual([expect.objectContaining({ kind: "reply", readAt: null })]);
    expect(records.mutes).toEqual([expect.objectContaining({ space: "Espacio general", until: expect.any(String) })]);
    expect(records.moderation).toEqual([expect.objectContaining({ space: "Espacio general", action: "post.hide", reason: MARKS.moderationReason })]);
    expect(records.mails).toEqual([expect.objectContaining({ kind: "passwordReset", state: "failed", sentAt: null })]);
    expect(files["team-work.csv"]).toContain(MARKS.teamHandedIn);
    expect(files["session-reflections.csv"]).toContain(MARKS.reflection);
  });

  it("makes text cells inert for spreadsheets", () => {
    expect(files["posts.csv"]).toContain(`"'${MARKS.post.replace(/"/g, '""')}"`);
    expect(files["profile.csv"]).toContain(`'${names.officer}`);
    expect(files["posts.csv"]).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("holds nothing of another person's and no secret", async () => {
    const everything = Object.values(files).join("\n");
    for (const text of [people.other.email, names.other, MARKS.otherPost, MARKS.otherTeamVersion, MARKS.reviewedText, MARKS.otherFeedback, people.other.id]) expect(everything).not.toContain(text);
    const hash = await t.db.selectFrom("credentials").select("password_hash").where("person_id", "=", people.officer.id).executeTakeFirstOrThrow();
    const sessions = await t.db.selectFrom("sessions").select("id_hash").where("person_id", "=", people.officer.id).execute();
    const keys = await t.db.selectFrom("issuer_keys").select("private_jwk").execute();
    const secrets = [hash.password_hash, "$argon2", sessionToken, ...sessions.map((s) => s.id_hash), MARKS.offlineToken, hashToken(offlineTokenOf(people.officer.id)), MARKS.mailLink, MARKS.checkinCode, context.csrfToken, ...keys.map((k) => String(k.private_jwk.d))];
    for (const secret of secrets) expect(everything.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it("audits the person's own download", async () => {
    expect(await exportsOf(people.officer.id)).toEqual([{ actor_id: people.officer.id, target_id: people.officer.id, details: { by: "self" } }]);
  });

  it("gives an admin whose scope reaches the person the same export, audited, with the README in the person's language", async () => {
    await t.db.updateTable("people").set({ locale: "en" }).where("id", "=", people.officer.id).execute();
    try {
      for (const admin of [people.admin, people.hnAdmin]) {
        const url = `/resources/personal-data/${people.officer.id}`;
        const response = await outcome(async () => personExport({ request: await signedInRequest(t.db, admin, url), context, params: { personId: people.officer.id } }));
        const got = await download(response);
        expect(got[README_FILE]).toContain("Your data in Sendero");
        const json = JSON.parse(got[JSON_FILE]!) as { records: { posts: { body: string }[] } };
        expect(json.records.posts.map((p) => p.body)).toContain(MARKS.hiddenPost);
        expect(await exportsOf(admin)).toEqual([{ actor_id: admin, target_id: people.officer.id, details: { by: "admin" } }]);
      }
    } finally {
      await t.db.updateTable("people").set({ locale: "es" }).where("id", "=", people.officer.id).execute();
    }
  });

  it("refuses an admin whose scope does not reach the person (404), and audits nothing", async () => {
    const url = `/resources/personal-data/${people.officer.id}`;
    const response = await outcome(async () => personExport({ request: await signedInRequest(t.db, people.gtAdmin, url), context, params: { personId: people.officer.id } }));
    expect(response.status).toBe(404);
    expect(await exportsOf(people.gtAdmin)).toEqual([]);
  });

  it("refuses a person who is not an admin another's export (403), and an unknown or malformed id (404)", async () => {
    const url = `/resources/personal-data/${people.officer.id}`;
    const asOther = await outcome(async () => personExport({ request: await signedInRequest(t.db, people.other.id, url), context, params: { personId: people.officer.id } }));
    expect(asOther.status).toBe(403);
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
      const response = await outcome(async () => personExport({ request: await signedInRequest(t.db, people.admin, `/resources/personal-data/${id}`), context, params: { personId: id } }));
      expect(response.status, id).toBe(404);
    }
    expect(await exportsOf(people.other.id)).toEqual([]);
  });
});
