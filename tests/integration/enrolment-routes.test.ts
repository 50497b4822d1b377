import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSpreadsheet } from "../../app/import/read-file.server";
import { checkLines } from "../../app/import/validate";
import { action, loader } from "../../app/routes/coordinate.cohorts.$cohortId.enrolment";
import { loader as templateLoader } from "../../app/routes/resources.enrolment-template";
import { outcome, signedInRequest, testContext } from "../setup/context";
import { makeCohort, makeCountry, makeInstitution, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

// The bulk-enrolment page through its loader and action, as a browser's multipart form sends it.
let t: TestDb;
let context: AppLoadContext;
const who = { admin: "", gt: "" };
beforeAll(async () => {
  t = await openTestDb();
  context = testContext(t.db);
  await makeCountry(t.db, "GT");
  await makeInstitution(t.db, "HN", "Instituto Nacional de Migración");
  who.admin = (await makePerson(t.db, { role: "admin" })).id;
  who.gt = (await makePerson(t.db, { role: "coordinator", scope: { kind: "country", code: "GT" } })).id;
});
afterAll(async () => t.close());

const tag = () => Math.random().toString(36).slice(2, 8);
const pathOf = (cohortId: string) => `/coordinate/cohorts/${cohortId}/enrolment`;

async function cohortIn(country: string, capacity: number | null = null): Promise<string> {
  const id = await makeCohort(t.db);
  await t.db.updateTable("cohorts").set({ country_code: country, capacity }).where("id", "=", id).execute();
  return id;
}

async function upload(personId: string, cohortId: string, text: string, name = "people.csv"): Promise<Response> {
  const body = new FormData();
  body.set("intent", "preview");
  body.set("file", new File([text], name, { type: "text/csv" }));
  return outcome(async () => action({ request: await signedInRequest(t.db, personId, pathOf(cohortId), { method: "POST", body }), context, params: { cohortId } }));
}

async function commit(personId: string, cohortId: string, uploadId: string, mail: boolean): Promise<Response> {
  const body = new URLSearchParams({ intent: "import", upload: uploadId, ...(mail ? { mail: "on" } : {}) });
  return outcome(async () => action({ request: await signedInRequest(t.db, personId, pathOf(cohortId), { method: "POST", body }), context, params: { cohortId } }));
}

async function previewOf(personId: string, cohortId: string, location: string) {
  const response = await outcome(async () => loader({ request: await signedInRequest(t.db, personId, location), context, params: { cohortId } }));
  expect(response.status).toBe(200);
  return (await response.json()) as { preview: { uploadId: string; errors: { line: number; column: string; code: string }[]; counts: Record<string, number>; total: number } | null; expired: boolean };
}

const uploadIdOf = (response: Response) => {
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location")!, "http://x").searchParams.get("upload")!;
};
const membersOf = async (cohortId: string) =>
  Number((await t.db.selectFrom("cohort_members").select((eb) => eb.fn.countAll<number>().as("n")).where("cohort_id", "=", cohortId).executeTakeFirstOrThrow()).n);

describe(`bulk enrolment page (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("previews a file with its bad lines by number, and imports nothing from it", async () => {
    const cohort = await cohortIn("HN");
    const x = tag();
    const file = ["correo,nombre,país,institución", `a-${x}@test.sendero.test,Ana,HN,Instituto Nacional de Migración`, `nope,Beto,HN,`, `c-${x}@test.sendero.test,Caro,XX,`].join("\n");
    const response = await upload(who.admin, cohort, file);
    const id = uploadIdOf(response);
    const { preview } = await previewOf(who.admin, cohort, response.headers.get("location")!);
    expect(preview!.errors.map((e) => `${e.line}:${e.column}:${e.code}`)).toEqual(["3:email:invalidEmail", "4:country:unknownCountry"]);
    const refused = await commit(who.admin, cohort, id, false);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ refusal: "invalid-rows" });
    expect(await membersOf(cohort)).toBe(0);
  });

  it("imports a good file once, mails each new person a link, and a second import of it changes nothing", async () => {
    const cohort = await cohortIn("HN", 10);
    const x = tag();
    const emails = [1, 2, 3].map((n) => `p${n}-${x}@test.sendero.test`);
    const file = ["email,name,country,institution", ...emails.map((e, i) => `${e},Persona ${i + 1},HN,Instituto Nacional de Migración`)].join("\n");
    const id = uploadIdOf(await upload(who.admin, cohort, file));
    const response = await commit(who.admin, cohort, id, true);
    expect(response.status).toBe(200);
    const done = (await response.json()) as { done: { created: number }; links: { email: string; url: string }[] };
    expect(done.done.created).toBe(3);
    expect(done.links.map((l) => l.email).sort()).toEqual([...emails].sort());
    const mails = await t.db.selectFrom("mail_outbox").select(["to_address", "text_body"]).where("to_address", "in", emails).execute();
    expect(mails).toHaveLength(3);
    for (const link of done.links) expect(mails.find((m) => m.to_address === link.email)?.text_body).toContain(link.url);
    expect(await membersOf(cohort)).toBe(3);
    // Each is an officer of the cohort, which is what lets them open its courses.
    const grants = await t.db.selectFrom("role_grants").innerJoin("people", "people.id", "role_grants.person_id").select(["role_grants.role", "role_grants.cohort_id"]).where("people.email", "in", emails).execute();
    expect(grants).toEqual(emails.map(() => ({ role: "officer", cohort_id: cohort })));
    // The kept file is gone once imported: the preview link now says so.
    expect((await previewOf(who.admin, cohort, `${pathOf(cohort)}?upload=${id}`)).expired).toBe(true);

    const again = uploadIdOf(await upload(who.admin, cohort, file));
    const { preview } = await previewOf(who.admin, cohort, `${pathOf(cohort)}?upload=${again}`);
    expect(preview!.counts).toEqual({ create: 0, update: 0, skip: 3 });
    expect((await commit(who.admin, cohort, again, false)).status).toBe(200);
    expect(await t.db.selectFrom("people").select("id").where("email", "in", emails).execute()).toHaveLength(3);
    expect(await membersOf(cohort)).toBe(3);
  });

  it("refuses an import past the cohort's capacity, saying so, and keeps nothing of it", async () => {
    const cohort = await cohortIn("HN", 2);
    const x = tag();
    const file = ["email,name", ...[1, 2, 3].map((n) => `cap${n}-${x}@test.sendero.test,Persona ${n}`)].join("\n");
    const id = uploadIdOf(await upload(who.admin, cohort, file));
    const refused = await commit(who.admin, cohort, id, true);
    expect(await refused.json()).toEqual({ refusal: "full" });
    expect(await membersOf(cohort)).toBe(0);
    expect(await t.db.selectFrom("mail_outbox").select("id").where("to_address", "like", `cap%-${x}@test.sendero.test`).execute()).toEqual([]);
  });

  it("keeps a coordinator to their country's cohorts, by page, by form and by another person's upload", async () => {
    const hn = await cohortIn("HN");
    const gt = await cohortIn("GT");
    const page = await outcome(async () => loader({ request: await signedInRequest(t.db, who.gt, pathOf(hn)), context, params: { cohortId: hn } }));
    expect(page.status).toBe(404);
    expect((await upload(who.gt, hn, "email,name\na@test.sendero.test,A")).status).toBe(404);
    // The admin's upload for the GT cohort is not the coordinator's to import.
    const adminsUpload = uploadIdOf(await upload(who.admin, gt, `email,name\nkept-${tag()}@test.sendero.test,K`));
    const tampered = await commit(who.gt, gt, adminsUpload, false);
    expect(tampered.status).toBe(302);
    expect(await membersOf(gt)).toBe(0);
    expect((await previewOf(who.gt, gt, `${pathOf(gt)}?upload=${adminsUpload}`)).expired).toBe(true);
  });

  it("refuses a coordinator's line naming someone outside their scope, and changes nothing about them", async () => {
    const gt = await cohortIn("GT");
    const hondurans = await makePerson(t.db, { countryCode: "HN", name: "Persona de Honduras" });
    const own = `own-${tag()}@test.sendero.test`;
    const id = uploadIdOf(await upload(who.gt, gt, `email,name,country\n${own},Propia,GT\n${hondurans.email},Nombre cambiado,GT\n`));
    const preview = await previewOf(who.gt, gt, `${pathOf(gt)}?upload=${id}`);
    expect(preview.preview?.errors).toEqual([{ line: 3, column: "email", code: "outOfScope" }]);
    expect((await commit(who.gt, gt, id, false)).status).toBe(409);
    const after = await t.db.selectFrom("people").select(["display_name", "country_code"]).where("email", "=", hondurans.email).executeTakeFirstOrThrow();
    expect(after).toEqual({ display_name: "Persona de Honduras", country_code: "HN" });
    expect(await membersOf(gt)).toBe(0);
    // An administrator's scope covers everyone: the same lines are planned without error.
    const adminPreview = await previewOf(who.admin, gt, `${pathOf(gt)}?upload=${uploadIdOf(await upload(who.admin, gt, `email,name\n${hondurans.email},Nombre cambiado\n`))}`);
    expect(adminPreview.preview?.errors).toEqual([]);
  });

  it("refuses a request without a file, and a file past the size limit, with a message", async () => {
    const cohort = await cohortIn("GT");
    const empty = await upload(who.admin, cohort, "");
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ refusal: "noFile" });
    const big = await upload(who.admin, cohort, `email,name\n${"x".repeat(4_100_000)}`);
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ refusal: "tooLarge" });
  });

  it("gives templates in Spanish and English whose headers the import reads", async () => {
    for (const [lang, format, first] of [["es", "xlsx", "correo"], ["en", "csv", "email"]] as const) {
      const response = await outcome(async () => templateLoader({ request: await signedInRequest(t.db, who.gt, `/resources/enrolment-template?lang=${lang}&format=${format}`), context, params: {} }));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toContain(`.${format}`);
      const read = await readSpreadsheet(`template.${format}`, new Uint8Array(await response.arrayBuffer()));
      if (!read.ok) throw new Error(read.code);
      expect(read.lines[0]!.cells[0]).toBe(first);
      const checked = checkLines(read.lines);
      expect(checked.ok && checked.rows.length).toBe(1);
    }
  });
});
