import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcome, signedInRequest, testConfig, testContext } from "../setup/context";
import { makeCohort, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

// The pages that write mail: the invitation form (address, language, link base) and the outbox
// page's retry. The sending itself is in mail-outbox.test.ts.
let t: TestDb;
let cohort: string;
let admin: string;
beforeAll(async () => {
  t = await openTestDb();
  cohort = await makeCohort(t.db, "Grupo Ruta");
  admin = (await makePerson(t.db, { role: "admin" })).id;
});
afterAll(async () => t.close());

const outbox = () => t.db.selectFrom("mail_outbox").selectAll().orderBy("created_at").execute();

describe(`mail from pages (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("an invitation with an address is mailed in the chosen language, with the link on PUBLIC_URL or else the request's origin", async () => {
    const { action } = await import("../../app/routes/coordinate.invitations");
    const invite = async (fields: Record<string, string>, config = testContext(t.db).config) =>
      outcome(async () =>
        action({
          request: await signedInRequest(t.db, admin, "/coordinate/invitations", { method: "POST", body: new URLSearchParams({ intent: "create", cohortId: cohort, role: "officer", note: "", ...fields }) }),
          context: testContext(t.db, { config }),
          params: {},
        }),
      );
    expect((await invite({ email: "Sin.Idioma@Example.org", mailLocale: "en" })).status).toBe(302);
    const second = await invite({ email: "publica@example.org", mailLocale: "es" }, { ...testConfig, publicUrl: "https://sendero.example.org/" });
    expect(second.headers.get("location")).toBe("/coordinate/invitations");
    expect((await invite({ email: "", mailLocale: "es" })).status).toBe(302);
    expect((await invite({ email: "x@example.org", mailLocale: "fr" })).status).toBe(400);
    const rows = await outbox();
    expect(rows.map((r) => [r.to_address, r.locale, r.kind])).toEqual([
      ["sin.idioma@example.org", "en", "invitation"],
      ["publica@example.org", "es", "invitation"],
    ]);
    expect(rows[0]!.text_body).toMatch(/http:\/\/sendero\.test\/join\/[A-Za-z0-9_-]{40,}/);
    expect(rows[1]!.text_body).toMatch(/https:\/\/sendero\.example\.org\/join\/[A-Za-z0-9_-]{40,}/);
    const audited = await t.db.selectFrom("audit_log").select("details").where("action", "=", "invitation.created").execute();
    expect(audited.map((a) => (a.details as { mailed: boolean }).mailed)).toEqual([true, true, false]);
  });

  it("a new-password link is mailed to the person, and the page says so", async () => {
    const person = await makePerson(t.db, { name: "Rita Reset" });
    const { action, loader } = await import("../../app/routes/admin.people");
    const response = await outcome(async () =>
      action({ request: await signedInRequest(t.db, admin, "/admin/people", { method: "POST", body: new URLSearchParams({ intent: "reset-link", personId: person.id }) }), context: testContext(t.db), params: {} }),
    );
    expect(response.status).toBe(302);
    const flash = response.headers.get("set-cookie")!.split(";")[0]!;
    const request = await signedInRequest(t.db, admin, "/admin/people");
    request.headers.set("cookie", `${request.headers.get("cookie")}; ${flash}`);
    const page = await outcome(async () => loader({ request, context: testContext(t.db), params: {} }));
    const body = (await page.json()) as { resetLink: { url: string; mailedTo: string; name: string } };
    expect(body.resetLink).toMatchObject({ mailedTo: person.email, name: "Rita Reset" });
    const mail = (await outbox()).find((m) => m.to_address === person.email)!;
    expect(mail.kind).toBe("password-reset");
    expect(mail.text_body).toContain(body.resetLink.url);
  });

  it("/admin/mail lists by status and retries a failed message once, audited", async () => {
    const [first] = await outbox();
    await t.db.updateTable("mail_outbox").set({ status: "failed", attempts: 8, last_error: "550 no such user" }).where("id", "=", first!.id).execute();
    const { action, loader } = await import("../../app/routes/admin.mail");
    const list = async (status: string) =>
      (await (await outcome(async () => loader({ request: await signedInRequest(t.db, admin, `/admin/mail?status=${status}`), context: testContext(t.db), params: {} }))).json()) as {
        rows: { id: string }[];
        counts: Record<string, number>;
      };
    const failed = await list("failed");
    expect(failed.rows.map((r) => r.id)).toEqual([first!.id]);
    expect(failed.counts).toMatchObject({ failed: 1, sent: 0 });
    const retry = async () =>
      outcome(async () => action({ request: await signedInRequest(t.db, admin, "/admin/mail", { method: "POST", body: new URLSearchParams({ intent: "retry", mailId: first!.id }) }), context: testContext(t.db), params: {} }));
    expect((await retry()).headers.get("location")).toBe("/admin/mail?status=queued&notice=retried");
    expect((await retry()).headers.get("location")).toBe("/admin/mail?status=failed&notice=not-failed");
    expect((await list("queued")).rows.map((r) => r.id)).toContain(first!.id);
    expect(await t.db.selectFrom("mail_outbox").select(["status", "attempts"]).where("id", "=", first!.id).executeTakeFirst()).toEqual({ status: "queued", attempts: 0 });
    const audited = await t.db.selectFrom("audit_log").select("action").where("target_id", "=", first!.id).execute();
    expect(audited).toEqual([{ action: "mail.retried" }]);
  });
});
