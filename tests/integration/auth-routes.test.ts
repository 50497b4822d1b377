import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as loginAction } from "../../app/routes/login";
import { action as logoutAction } from "../../app/routes/logout";
import { action as accountAction } from "../../app/routes/account";
import { action as languageAction } from "../../app/routes/language";
import { findSessionPerson } from "../../app/models/session.server";
import { anonymousRequest, outcome, signedInRequest, testConfig, testContext } from "../setup/context";
import { makeCohort, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

const timeouts = { idleMs: testConfig.sessionIdleMs, maxMs: testConfig.sessionMaxMs };
let t: TestDb;
let cohort: string;
beforeAll(async () => {
  t = await openTestDb();
  cohort = await makeCohort(t.db);
});
afterAll(async () => t.close());

const form = (fields: Record<string, string>) => ({ method: "POST", body: new URLSearchParams(fields) });
const sessionToken = (response: Response) => /sendero_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1] ?? null;

describe(`sign-in pages (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("signs in, lands on the role's area, and ends the session the browser had before", async () => {
    const officer = await makePerson(t.db, { cohortId: cohort });
    const before = await signedInRequest(t.db, officer.id, "/login", form({ email: officer.email, password: officer.password }));
    const oldToken = /sendero_session=([^;]*)/.exec(before.headers.get("cookie") ?? "")?.[1] ?? "";
    const response = await outcome(() => loginAction({ request: before, context: testContext(t.db), params: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/learn");
    const newToken = sessionToken(response);
    expect(newToken).toBeTruthy();
    expect(newToken).not.toBe(oldToken);
    expect(response.headers.get("set-cookie")).toMatch(/HttpOnly/);
    expect(response.headers.get("set-cookie")).toMatch(/SameSite=Lax/);
    expect(await findSessionPerson(t.db, oldToken, timeouts)).toBeNull();
    expect((await findSessionPerson(t.db, newToken!, timeouts))?.id).toBe(officer.id);
  });

  it("keeps the typed e-mail and says what is wrong with a bad submission", async () => {
    const response = await outcome(() =>
      loginAction({ request: anonymousRequest("/login", form({ email: "no es un correo", password: "" })), context: testContext(t.db), params: {} }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ email: "form.email", password: "form.required" });
    expect(body.values.email).toBe("no es un correo");
    expect(body.values.password).toBeUndefined();
  });

  it("only follows redirects within the site", async () => {
    const officer = await makePerson(t.db, { cohortId: cohort });
    const response = await outcome(() =>
      loginAction({
        request: anonymousRequest("/login", form({ email: officer.email, password: officer.password, redirectTo: "//evil.example/x" })),
        context: testContext(t.db),
        params: {},
      }),
    );
    expect(response.headers.get("location")).toBe("/learn");
  });

  it("revokes the session on sign-out and clears the cookie", async () => {
    const officer = await makePerson(t.db, { cohortId: cohort });
    const request = await signedInRequest(t.db, officer.id, "/logout", { method: "POST" });
    const token = /sendero_session=([^;]*)/.exec(request.headers.get("cookie") ?? "")?.[1] ?? "";
    const response = await outcome(() => logoutAction({ request, context: testContext(t.db), params: {} }));
    expect(response.headers.get("location")).toBe("/login?notice=signed-out");
    expect(response.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect(await findSessionPerson(t.db, token, timeouts)).toBeNull();
  });

  it("changes the password only with the current one, and signs out other devices", async () => {
    const officer = await makePerson(t.db, { cohortId: cohort });
    const otherDevice = await signedInRequest(t.db, officer.id, "/learn");
    const otherToken = /sendero_session=([^;]*)/.exec(otherDevice.headers.get("cookie") ?? "")?.[1] ?? "";
    const wrong = await outcome(async () =>
      accountAction({
        request: await signedInRequest(t.db, officer.id, "/account", form({ currentPassword: "nope", newPassword: "otra frase larga", confirmPassword: "otra frase larga" })),
        context: testContext(t.db),
        params: {},
      }),
    );
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors).toEqual({ currentPassword: "account.wrongPassword" });

    const right = await outcome(async () =>
      accountAction({
        request: await signedInRequest(t.db, officer.id, "/account", form({ currentPassword: officer.password, newPassword: "otra frase larga", confirmPassword: "otra frase larga" })),
        context: testContext(t.db),
        params: {},
      }),
    );
    expect(right.status).toBe(302);
    expect(await findSessionPerson(t.db, otherToken, timeouts)).toBeNull();
  });

  it("stores the language switch in the person's settings and a cookie", async () => {
    const officer = await makePerson(t.db, { cohortId: cohort });
    const response = await outcome(async () =>
      languageAction({ request: await signedInRequest(t.db, officer.id, "/language", form({ locale: "en", redirectTo: "/learn" })), context: testContext(t.db), params: {} }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/learn");
    expect(response.headers.get("set-cookie")).toMatch(/sendero_lang=en/);
    const person = await t.db.selectFrom("people").select("locale").where("id", "=", officer.id).executeTakeFirstOrThrow();
    expect(person.locale).toBe("en");
  });
});
