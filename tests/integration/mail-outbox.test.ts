import { spawn } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/client";
import { createMailTransport, type MailTransport } from "../../app/mail/transport.server";
import { createMailWorker, type MailWorker } from "../../app/mail/worker.server";
import { findInvitation, inviteToCohort } from "../../app/models/invitation.server";
import { enqueueMail, retryFailedMail } from "../../app/models/mail-outbox.server";
import { issuePasswordReset } from "../../app/models/password-reset.server";
import { createLogger } from "../../app/server/log";
import { makeCohort, makePerson } from "../setup/factories";
import { startSmtpSink, type SmtpSink } from "../setup/smtp-sink";
import { openTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let sink: SmtpSink;
let cohort: string;
let admin: string;
const quiet = createLogger("error", () => {});
const workers: MailWorker[] = [];
const transports: MailTransport[] = [];

beforeAll(async () => {
  t = await openTestDb();
  sink = await startSmtpSink();
  cohort = await makeCohort(t.db, "Grupo Tapachula <b>");
  admin = (await makePerson(t.db, { role: "admin", name: "Diego Admin" })).id;
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  transports.splice(0).forEach((tr) => tr.close());
  await t.db.deleteFrom("mail_outbox").execute();
  sink.messages.length = 0;
  await sink.start();
});
afterAll(async () => {
  await sink.stop();
  await t.close();
});

function worker(db: DB, options: { maxAttempts?: number; batchSize?: number; smtpUrl?: string | null; log?: ReturnType<typeof createLogger> } = {}): MailWorker {
  const transport = createMailTransport({ smtpUrl: options.smtpUrl === null ? undefined : (options.smtpUrl ?? sink.url), from: "Sendero <no-reply@sendero.test>", log: options.log ?? quiet });
  transports.push(transport);
  const w = createMailWorker({ db, transport, log: quiet, pollMs: 30, firstRetryMs: 50, maxAttempts: options.maxAttempts ?? 20, batchSize: options.batchSize ?? 10 });
  workers.push(w);
  return w;
}

const invite = (email: string, mailLocale = "es") =>
  inviteToCohort(t.db, { cohortId: cohort, role: "officer", email, note: "Ana, estación norte", createdBy: admin, validForMs: 86_400_000, mailLocale, siteUrl: "https://sendero.example.org", requestId: "test" });

const outbox = () => t.db.selectFrom("mail_outbox").selectAll().orderBy("created_at").execute();

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe(`mail outbox (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("creates the invitation while SMTP is down, and sends its mail once SMTP is back, exactly once", async () => {
    await sink.stop();
    const { token } = await invite("nueva.oficial@example.org");
    expect((await findInvitation(t.db, token))?.state).toBe("open");
    const w = worker(t.db);
    expect(await w.runOnce()).toBe(1);
    const [down] = await outbox();
    expect(down).toMatchObject({ status: "queued", attempts: 1, to_address: "nueva.oficial@example.org" });
    expect(down!.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(sink.messages).toEqual([]);

    await sink.start();
    w.start();
    await sink.waitFor(1);
    await until(async () => (await outbox())[0]!.status === "sent");
    // A while longer: nothing is sent twice.
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages).toHaveLength(1);
    const [mail] = sink.messages;
    expect(mail!.to).toEqual(["nueva.oficial@example.org"]);
    expect(mail!.subject).toBe("Invitación a Sendero: Grupo Tapachula <b>");
    const link = mail!.text.match(/https:\/\/sendero\.example\.org\/join\/([A-Za-z0-9_-]+)/);
    expect(link?.[1]).toBe(token);
    expect(mail!.html).toContain("Grupo Tapachula &#60;b&#62;");
    expect(mail!.html).not.toContain("Grupo Tapachula <b>");
    // Neither the inviter nor their note is named in the message.
    expect(mail!.text).not.toContain("Diego");
    expect(mail!.text).not.toContain("Ana");
    const [sent] = await outbox();
    expect(sent).toMatchObject({ status: "sent", sent_via: "smtp", attempts: 2, text_body: null, html_body: null, last_error: null });
    expect(mail!.messageId).toContain(sent!.id);
  });

  it(`sends each message once with two workers on one outbox (${process.env.SENDERO_TEST_ENGINE === "postgres" ? "two connection pools" : "two loops on PGlite's one connection"})`, async () => {
    const count = 30;
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < count; i++) {
        await enqueueMail(trx, { kind: "invitation", to: `persona-${i}@example.org`, locale: "es", data: { cohortName: "Grupo", role: "officer", url: `https://sendero.example.org/join/t${i}`, expiresAt: new Date() } });
      }
    });
    // On PostgreSQL the second worker has its own pool, as another server process would. PGlite
    // is one process with one connection (a second process cannot open its folder), so there the
    // two loops share it.
    const second = t.engine === "postgres" ? t.openAnother() : t.db;
    const a = worker(t.db, { batchSize: 3 });
    const b = worker(second, { batchSize: 3 });
    a.start();
    b.start();
    await sink.waitFor(count, 20_000);
    await until(async () => (await outbox()).every((m) => m.status === "sent"));
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages).toHaveLength(count);
    expect(new Set(sink.messages.map((m) => m.to[0])).size).toBe(count);
    expect((await outbox()).map((m) => m.attempts)).toEqual(Array(count).fill(1));
  });

  // Two real processes need PostgreSQL: PGlite is one database inside one process (a second
  // process cannot open its folder), so on PGlite the test above is the whole story.
  if (process.env.SENDERO_TEST_ENGINE === "postgres") {
    it("sends each message once with two separate server processes on one PostgreSQL outbox", async () => {
      const count = 40;
      await t.db.transaction().execute(async (trx) => {
        for (let i = 0; i < count; i++) {
          await enqueueMail(trx, { kind: "invitation", to: `proceso-${i}@example.org`, locale: "es", data: { cohortName: "Grupo", role: "officer", url: `https://sendero.example.org/join/p${i}`, expiresAt: new Date() } });
        }
      });
      const children = [0, 1].map(() =>
        spawn(process.execPath, ["--import", "tsx", "tests/setup/mail-worker-process.ts"], { env: { ...process.env, DATABASE_URL: t.url!, SMTP_URL: sink.url }, stdio: ["pipe", "pipe", "inherit"] }),
      );
      const ready: Promise<void>[] = [];
      const results = children.map((child) => {
        let out = "";
        child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
        ready.push(new Promise((resolve) => child.stdout!.on("data", () => out.startsWith("ready\n") && resolve())));
        return new Promise<{ tried: number }>((resolve, reject) =>
          child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out.slice("ready\n".length)) as { tried: number }) : reject(new Error(`worker process exited with ${code}`)))),
        );
      });
      // Both are up (compiled, connected) once they say so; then both go at once.
      await Promise.all(ready);
      for (const child of children) child.stdin!.end("go\n");
      const tried = await Promise.all(results);
      expect(tried.reduce((sum, r) => sum + r.tried, 0)).toBe(count);
      expect(sink.messages).toHaveLength(count);
      expect(new Set(sink.messages.map((m) => m.to[0])).size).toBe(count);
      expect((await outbox()).every((m) => m.status === "sent" && m.attempts === 1)).toBe(true);
    }, 60_000);
  }

  it("gives a message up after the last attempt; an admin's retry sends it, audited", async () => {
    await sink.stop();
    await invite("sin.servidor@example.org");
    const w = worker(t.db, { maxAttempts: 2 });
    await w.runOnce();
    await until(async () => {
      await w.runOnce();
      return (await outbox())[0]!.status === "failed";
    });
    const [failed] = await outbox();
    expect(failed).toMatchObject({ status: "failed", attempts: 2 });
    expect(await retryFailedMail(t.db, { id: failed!.id, actorId: admin, requestId: "retry-1" })).toEqual({ ok: true });
    expect(await retryFailedMail(t.db, { id: failed!.id, actorId: admin, requestId: "retry-2" })).toEqual({ ok: false, code: "not-failed" });
    const audited = await t.db.selectFrom("audit_log").select(["action", "request_id"]).where("target_id", "=", failed!.id).execute();
    expect(audited).toEqual([{ action: "mail.retried", request_id: "retry-1" }]);
    await sink.start();
    await w.runOnce();
    expect(sink.messages.map((m) => m.to[0])).toEqual(["sin.servidor@example.org"]);
    expect((await outbox())[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("writes the message to the log without SMTP_URL, and marks it sent as logged", async () => {
    const lines: string[] = [];
    await invite("registro@example.org", "en");
    await worker(t.db, { smtpUrl: null, log: createLogger("info", (l) => lines.push(l)) }).runOnce();
    expect((await outbox())[0]).toMatchObject({ status: "sent", sent_via: "log" });
    const logged = JSON.parse(lines.find((l) => l.includes("registro@example.org"))!) as { subject: string; text: string };
    expect(logged.subject).toBe("Invitation to Sendero: Grupo Tapachula <b>");
    expect(logged.text).toContain("https://sendero.example.org/join/");
    expect(sink.messages).toEqual([]);
  });

  it("mails a new-password link to the person's own address, in their language", async () => {
    const person = await makePerson(t.db, { name: "Rosa Pérez" });
    await t.db.updateTable("people").set({ locale: "en" }).where("id", "=", person.id).execute();
    const { token, mailedTo } = await issuePasswordReset(t.db, { personId: person.id, createdBy: admin, validForMs: 3_600_000, siteUrl: "https://sendero.example.org", requestId: "test" });
    expect(mailedTo).toBe(person.email);
    await worker(t.db).runOnce();
    const [mail] = sink.messages;
    expect(mail).toMatchObject({ to: [person.email], subject: "Link to a new Sendero password" });
    expect(mail!.text).toContain(`https://sendero.example.org/reset/${token}`);
    expect(mail!.text).toContain("Hello Rosa Pérez,");
  });

  it("writes no mail when the change that causes it rolls back, and a dedupe key lets a message in once", async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, { kind: "password-reset", to: "x@example.org", locale: "es", data: { name: "X", url: "https://x", expiresAt: new Date() } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await outbox()).toEqual([]);
    const once = (trx: Parameters<typeof enqueueMail>[0]) =>
      enqueueMail(trx, { kind: "password-reset", to: "x@example.org", locale: "es", data: { name: "X", url: "https://x", expiresAt: new Date() }, dedupeKey: "k-1" });
    expect(await t.db.transaction().execute(once)).toMatchObject({ id: expect.any(String) });
    expect(await t.db.transaction().execute(once)).toBeNull();
    expect(await outbox()).toHaveLength(1);
  });
});
