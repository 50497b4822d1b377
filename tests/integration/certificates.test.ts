import type { AppLoadContext } from "@remix-run/node";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredential } from "../../app/certificates/credential";
import { loadContent } from "../../app/content/load.server";
import type { Course } from "../../app/content/model";
import { completionCourse } from "../../app/content/progress-course";
import { certificateByCode, issueCertificate } from "../../app/models/certificate.server";
import { completeItem } from "../../app/models/learning/item-progress.server";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCountry, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let course: Course;
let context: AppLoadContext;
beforeAll(async () => {
  t = await openTestDb();
  const catalog = loadContent("content/courses").catalog;
  course = catalog.courses.get("trafficking-smuggling")!;
  context = testContext(t.db, { content: catalog });
});
afterAll(async () => t.close());

/** Completes every item of the course for the person, as the pages would, one transaction each. */
async function completeCourse(personId: string) {
  for (const item of course.items.values()) {
    await t.db.transaction().execute((trx) => completeItem(trx, personId, completionCourse(course), item.id, item.kind));
  }
}

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl: "node_modules/pdfjs-dist/standard_fonts/" }).promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((i) => ("str" in i ? i.str : "")).join(" ");
}

const route = async (name: string) => import(`../../app/routes/${name}`);

describe(`certificates (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("issues once: completing the course again, issuing twice or three times at once yields one certificate", async () => {
    const person = await makePerson(t.db, { name: "Lucía Ramírez" });
    await completeCourse(person.id);
    await completeCourse(person.id);
    const again = await Promise.all([1, 2, 3].map(() => issueCertificate(t.db, person.id, course)));
    const rows = await t.db.selectFrom("certificates").select(["code", "holder_name"]).where("person_id", "=", person.id).execute();
    expect(rows).toHaveLength(1);
    expect(new Set(again.map((c) => c.code))).toEqual(new Set([rows[0]!.code]));
    expect(rows[0]!.holder_name).toBe("Lucía Ramírez");
  });

  it("is not issued before the last required item is done", async () => {
    const person = await makePerson(t.db);
    const items = [...course.items.values()];
    for (const item of items.slice(0, -1)) await t.db.transaction().execute((trx) => completeItem(trx, person.id, completionCourse(course), item.id, item.kind));
    expect(await t.db.selectFrom("certificates").select("id").where("person_id", "=", person.id).execute()).toEqual([]);
  });

  it("gives its holder a PDF with their name, the course and the code, in A4 and Letter; nobody else gets it", async () => {
    const person = await makePerson(t.db, { name: "José Núñez Peña" });
    await completeCourse(person.id);
    const cert = (await t.db.selectFrom("certificates").select("code").where("person_id", "=", person.id).executeTakeFirstOrThrow()).code;
    const { loader } = await route("certificates.$code.pdf");
    for (const size of ["", "?size=letter"]) {
      const response = await outcome(async () => loader({ request: await signedInRequest(t.db, person.id, `/certificates/${cert}/pdf${size}`), context, params: { code: cert } }));
      expect(response.headers.get("content-type")).toBe("application/pdf");
      const text = await pdfText(await response.arrayBuffer());
      expect(text).toContain("José Núñez Peña");
      expect(text).toContain("Trata de personas y tráfico ilícito de migrantes");
      expect(text).toContain(cert);
    }
    const stranger = await makePerson(t.db);
    const refused = await outcome(async () => loader({ request: await signedInRequest(t.db, stranger.id, `/certificates/${cert}/pdf`), context, params: { code: cert } }));
    expect(refused.status).toBe(404);
  });

  it("gives its holder a signed credential that verifies offline against the published keys", async () => {
    const person = await makePerson(t.db);
    await completeCourse(person.id);
    const cert = (await t.db.selectFrom("certificates").select("code").where("person_id", "=", person.id).executeTakeFirstOrThrow()).code;
    const { loader } = await route("certificates.$code.credential");
    const response = await outcome(async () => loader({ request: await signedInRequest(t.db, person.id, `/certificates/${cert}/credential`), context, params: { code: cert } }));
    const jwt = await response.text();
    const { loader: jwksLoader } = await route("issuer.jwks[.]json");
    const jwks = await (await jwksLoader({ request: new Request("http://sendero.test/issuer/jwks.json"), context, params: {} })).json();
    const result = await verifyCredential(jwt, jwks);
    expect(result.valid).toBe(true);
    if (result.valid) expect(result.credential.id).toMatch(new RegExp(`/verify/${cert}$`));
  });

  it("answers the public verification page: valid, then revoked by a coordinator in scope (audited); unknown for a made-up code", async () => {
    const officer = await makePerson(t.db, { countryCode: "GT", name: "Marta Cux" });
    await completeCourse(officer.id);
    const { code } = await t.db.selectFrom("certificates").select("code").where("person_id", "=", officer.id).executeTakeFirstOrThrow();
    const { loader: verify } = await route("verify.$code");
    const check = async (c: string) => outcome(async () => verify({ request: new Request(`http://sendero.test/verify/${c}`), context, params: { code: c } }));
    expect(await (await check(code)).json()).toMatchObject({ status: "valid", holder: "Marta Cux", course: "Trata de personas y tráfico ilícito de migrantes: distinguirlos y responder" });
    expect((await check("ZZZZ-ZZZZ-ZZZZ-ZZZZ")).status).toBe(404);

    const { action } = await route("coordinate.certificates");
    const revoke = async (personId: string) =>
      outcome(async () =>
        action({ request: await signedInRequest(t.db, personId, "/coordinate/certificates", { method: "POST", body: new URLSearchParams({ code, reason: "Emitido por error" }) }), context, params: {} }),
      );
    // A coordinator for Mexico cannot see, so cannot revoke, a Guatemalan officer's certificate.
    await makeCountry(t.db, "MX");
    const mexico = await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "MX" } });
    expect((await revoke(mexico.id)).status).toBe(404);
    expect((await certificateByCode(t.db, code))?.revoked_at).toBeNull();

    const guatemala = await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "GT" } });
    expect((await revoke(guatemala.id)).status).toBe(302);
    expect(await (await check(code)).json()).toMatchObject({ status: "revoked" });
    const audit = await t.db.selectFrom("audit_log").select(["actor_id", "action"]).where("action", "=", "certificate.revoke").execute();
    expect(audit).toEqual([{ actor_id: guatemala.id, action: "certificate.revoke" }]);
  });

  it("limits verification per address (429 with a retry time)", async () => {
    const limited = testContext(t.db, { content: context.content, clientAddress: "203.0.113.7", config: { ...context.config, verifyMaxPerAddress: 3 } });
    const { loader: verify } = await route("verify.$code");
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await outcome(async () => verify({ request: new Request("http://sendero.test/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ"), context: limited, params: { code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ" } }))).status);
    }
    expect(statuses).toEqual([404, 404, 429, 429]);
  });
});
