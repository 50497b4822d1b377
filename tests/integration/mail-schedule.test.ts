import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../app/content/load.server";
import { pick, type Catalog } from "../../app/content/model";
import { createMailTransport, type MailTransport } from "../../app/mail/transport.server";
import { createMailWorker } from "../../app/mail/worker.server";
import { mailPreferencesOf, saveMailPreferences } from "../../app/models/mail-preferences.server";
import { queueCertificateMails, queueDueReminders, queueFacilitatorDigests } from "../../app/models/mail-schedule.server";
import { issueCertificate } from "../../app/models/certificate.server";
import { acceptInvitation, createInvitation } from "../../app/models/invitation.server";
import { createGeneralSpace } from "../../app/models/dialogue/spaces.server";
import { createLogger } from "../../app/server/log";
import { anonymousRequest, outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makePerson } from "../setup/factories";
import { startSmtpSink, type SmtpSink } from "../setup/smtp-sink";
import { openTestDb, type TestDb } from "../setup/test-db";

const SITE = "https://sendero.example.org";
const COURSE = "trafficking-smuggling";
const TODAY = "2026-12-06";

let t: TestDb;
let sink: SmtpSink;
let catalog: Catalog;
const quiet = createLogger("error", () => {});
const transports: MailTransport[] = [];

beforeAll(async () => {
  t = await openTestDb();
  sink = await startSmtpSink();
  catalog = loadContent("content/courses").catalog;
});
afterEach(async () => {
  transports.splice(0).forEach((tr) => tr.close());
  await t.db.deleteFrom("mail_outbox").execute();
  sink.messages.length = 0;
});
afterAll(async () => {
  await sink.stop();
  await t.close();
});

async function sendAll() {
  const transport = createMailTransport({ smtpUrl: sink.url, from: "Sendero <no-reply@sendero.test>", log: quiet });
  transports.push(transport);
  const worker = createMailWorker({ db: t.db, transport, log: quiet, pollMs: 30, firstRetryMs: 50, maxAttempts: 3 });
  while ((await worker.runOnce()) > 0);
}

const outbox = () => t.db.selectFrom("mail_outbox").select(["kind", "to_address", "dedupe_key", "status"]).orderBy("created_at").execute();

describe(`reminders and digests (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("reminds an officer 7 days and 1 day before a due date, once each, however often and from however many processes it runs", async () => {
    const cohort = await makeCohort(t.db, "Grupo recordatorio");
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohort, course_id: COURSE, due_on: "2026-12-13" }).execute();
    const officer = await makePerson(t.db, { cohortId: cohort, name: "Olga Oficial" });
    const finished = await makePerson(t.db, { cohortId: cohort, name: "Fidel Terminado" });
    await t.db.insertInto("course_progress").values({ person_id: finished.id, course_id: COURSE, completed_at: new Date() }).execute();
    const quietOne = await makePerson(t.db, { cohortId: cohort, name: "Queta Silencio" });
    await saveMailPreferences(t.db, { personId: quietOne.id, preferences: { reminders: false, digests: true }, requestId: "test" });

    expect(await queueDueReminders(t.db, { catalog, siteUrl: SITE, today: TODAY })).toBe(1);
    // Again, as after a restart, and from another process's connection pool on PostgreSQL.
    const other = t.engine === "postgres" ? t.openAnother() : t.db;
    expect(await queueDueReminders(other, { catalog, siteUrl: SITE, today: TODAY })).toBe(0);
    await sendAll();
    expect(await queueDueReminders(t.db, { catalog, siteUrl: SITE, today: TODAY })).toBe(0);
    await sendAll();
    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail!.to).toEqual([officer.email]);
    expect(mail!.subject).toBe(`Quedan 7 días para terminar «${pick(catalog.courses.get(COURSE)!.title, "es")}»`);
    expect(mail!.text).toContain("vence en 7 días, el 13 de diciembre de 2026");
    expect(mail!.text).toContain("Hola, Olga Oficial:");
    expect(mail!.text).toContain(`${SITE}/learn/${COURSE}`);
    expect(mail!.text).toContain(`${SITE}/mail/unsubscribe/`);
    for (const other of ["Fidel", "Queta"]) expect(mail!.text).not.toContain(other);

    // The day before: the second reminder, once.
    expect(await queueDueReminders(t.db, { catalog, siteUrl: SITE, today: "2026-12-12" })).toBe(1);
    expect(await queueDueReminders(t.db, { catalog, siteUrl: SITE, today: "2026-12-12" })).toBe(0);
    await sendAll();
    expect(sink.messages.map((m) => m.subject)).toEqual([expect.stringMatching(/^Quedan 7 días/), expect.stringMatching(/^Queda 1 día/)]);
  });

  it("sends a facilitator a daily digest of counts only; its signed link stops digests, and a tampered link is refused", async () => {
    const cohort = await makeCohort(t.db, "Grupo diálogo");
    const facilitator = await makePerson(t.db, { role: "facilitator", cohortId: cohort, name: "Bruna Facilitadora" });
    const author = await makePerson(t.db, { cohortId: cohort, name: "Autor Reservado" });
    const space = await createGeneralSpace(t.db, cohort, "Grupo diálogo");
    const thread = await t.db.insertInto("dialogue_threads").values({ space_id: space, author_id: author.id, title: "Tema" }).returning("id").executeTakeFirstOrThrow();
    for (const state of ["held", "held", "reported", "published"] as const) {
      await t.db.insertInto("dialogue_posts").values({ thread_id: thread.id, parent_id: null, author_id: author.id, body_source: "Texto privado", body_html: "<p>Texto privado</p>", state }).execute();
    }

    expect(await queueFacilitatorDigests(t.db, { siteUrl: SITE, today: TODAY })).toBe(1);
    expect(await queueFacilitatorDigests(t.db, { siteUrl: SITE, today: TODAY })).toBe(0);
    await sendAll();
    const [mail] = sink.messages;
    expect(mail!.to).toEqual([facilitator.email]);
    expect(mail!.subject).toBe("Sendero: 3 publicaciones esperan moderación");
    expect(mail!.text).toContain("2 publicaciones retenidas esperan su revisión.");
    expect(mail!.text).toContain("1 publicación fue denunciada.");
    for (const secret of ["Autor", "Texto privado", "Tema"]) expect(mail!.text).not.toContain(secret);

    const link = mail!.text.match(/https:\/\/sendero\.example\.org\/mail\/unsubscribe\/(\S+)/)![1]!;
    const { loader, action } = await import("../../app/routes/mail.unsubscribe.$token");
    const context = testContext(t.db);
    const post = (token: string) =>
      outcome(() => action({ request: anonymousRequest(`/mail/unsubscribe/${token}`, { method: "POST", body: new URLSearchParams({ intent: "unsubscribe" }) }), params: { token }, context }));
    const [personId, , sig] = link.split(".");
    const tampered = [link.replace(".digests.", ".reminders."), `${author.id}.digests.${sig}`, `${personId}.digests.${sig!.slice(0, -3)}abc`];
    for (const token of tampered) {
      expect((await outcome(() => loader({ request: anonymousRequest(`/mail/unsubscribe/${token}`), params: { token }, context }))).status, token).toBe(400);
      expect((await post(token)).status, token).toBe(400);
    }
    expect(await mailPreferencesOf(t.db, facilitator.id)).toEqual({ reminders: true, digests: true });
    expect(await mailPreferencesOf(t.db, author.id)).toEqual({ reminders: true, digests: true });

    expect((await outcome(() => loader({ request: anonymousRequest(`/mail/unsubscribe/${link}`), params: { token: link }, context }))).status).toBe(200);
    const done = await post(link);
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/mail/unsubscribe/${link}?done=1`);
    expect(await mailPreferencesOf(t.db, facilitator.id)).toEqual({ reminders: true, digests: false });
    const audited = await t.db.selectFrom("audit_log").select(["actor_id", "action"]).where("target_id", "=", facilitator.id).where("action", "=", "mail.unsubscribed").execute();
    expect(audited).toEqual([{ actor_id: facilitator.id, action: "mail.unsubscribed" }]);

    // The next day: no digest for them.
    expect(await queueFacilitatorDigests(t.db, { siteUrl: SITE, today: "2026-12-07" })).toBe(0);
    expect((await outbox()).filter((m) => m.dedupe_key?.endsWith("2026-12-07"))).toEqual([]);
  });

  it("lets a person turn reminders and digests off and on from their account page, audited", async () => {
    const person = await makePerson(t.db);
    const { action, loader } = await import("../../app/routes/account");
    const context = testContext(t.db);
    const save = async (fields: Record<string, string>) =>
      outcome(async () => action({ request: await signedInRequest(t.db, person.id, "/account", { method: "POST", body: new URLSearchParams({ intent: "mail-prefs", ...fields }) }), params: {}, context }));
    expect((await save({ reminders: "1" })).headers.get("location")).toBe("/account?mail=saved");
    expect(await mailPreferencesOf(t.db, person.id)).toEqual({ reminders: true, digests: false });
    const page = await outcome(async () => loader({ request: await signedInRequest(t.db, person.id, "/account"), params: {}, context }));
    expect(((await page.json()) as { mail: unknown }).mail).toEqual({ reminders: true, digests: false });
    await save({ digests: "1" });
    expect(await mailPreferencesOf(t.db, person.id)).toEqual({ reminders: false, digests: true });
    expect((await save({ digests: "yes" })).status).toBe(400);
    const audited = await t.db.selectFrom("audit_log").select("action").where("target_id", "=", person.id).execute();
    expect(audited.map((a) => a.action)).toEqual(["mail.preferences", "mail.preferences"]);
  });

  it("welcomes an officer who joins a cohort with its courses and due dates, in the transaction that enrols them", async () => {
    const cohort = await makeCohort(t.db, "Grupo bienvenida");
    await t.db.insertInto("cohort_courses").values({ cohort_id: cohort, course_id: COURSE, due_on: "2027-01-15" }).execute();
    const member = await makePerson(t.db, { cohortId: cohort, name: "Otra Integrante" });
    const admin = (await makePerson(t.db, { role: "admin" })).id;
    const join = async (role: "officer" | "facilitator", email: string, locale: string, name: string) => {
      const { token } = await createInvitation(t.db, { cohortId: cohort, role, email: null, note: null, createdBy: admin, validForMs: 86_400_000 });
      return acceptInvitation(t.db, token, { email, displayName: name, locale, password: "una frase bastante larga" }, "test", { catalog, siteUrl: SITE });
    };
    expect((await join("officer", "nueva.en@example.org", "en", "New Officer")).ok).toBe(true);
    expect((await join("officer", "nueva.es@example.org", "es", "Nueva Oficial")).ok).toBe(true);
    expect((await join("facilitator", "facilita@example.org", "es", "Nuevo Facilitador")).ok).toBe(true);
    // A refused join (the address is taken) queues nothing.
    expect(await join("officer", member.email, "es", "Repetida")).toEqual({ ok: false, code: "email-taken" });
    await sendAll();
    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(["nueva.en@example.org", "nueva.es@example.org"]);
    const welcome = sink.messages.find((m) => m.to[0] === "nueva.en@example.org")!;
    expect(welcome.subject).toBe("You joined the group “Grupo bienvenida” on Sendero");
    expect(welcome.text).toContain("Hello New Officer,");
    expect(welcome.text).toContain(`• ${pick(catalog.courses.get(COURSE)!.title, "en")}: finish by January 15, 2027`);
    expect(welcome.text).not.toContain("Otra");
    expect(sink.messages.find((m) => m.to[0] === "nueva.es@example.org")!.subject).toBe("Se unió al grupo «Grupo bienvenida» en Sendero");
  });

  it("mails a new certificate with its verify link, once", async () => {
    const person = await makePerson(t.db, { name: "Con Certificado" });
    const { code } = await issueCertificate(t.db, person.id, catalog.courses.get(COURSE)!);
    expect(await queueCertificateMails(t.db, { siteUrl: SITE })).toBe(1);
    expect(await queueCertificateMails(t.db, { siteUrl: SITE })).toBe(0);
    await sendAll();
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.to).toEqual([person.email]);
    expect(sink.messages[0]!.subject).toBe(`Su certificado de «${pick(catalog.courses.get(COURSE)!.title, "es")}»`);
    expect(sink.messages[0]!.text).toContain(`${SITE}/verify/${code}`);
  });
});
