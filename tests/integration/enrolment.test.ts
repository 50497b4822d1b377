import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GLOBAL_ADMIN_GRANTS } from "../../app/models/access.server";
import { importEnrolment, previewEnrolment, type Upload } from "../../app/models/enrolment-file.server";
import { findOpenReset, redeemPasswordReset } from "../../app/models/password-reset.server";
import { findPersonByEmail } from "../../app/models/person.server";
import { makeCohort, makeInstitution, makePerson } from "../setup/factories";
import { openTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let admin = "";
beforeAll(async () => {
  t = await openTestDb();
  admin = (await makePerson(t.db, { role: "admin" })).id;
  await makeInstitution(t.db, "MX", "Instituto Nacional de Migración");
});
afterAll(async () => t.close());

const csv = (text: string, name = "people.csv"): Upload => ({ name, bytes: new TextEncoder().encode(text) });
const run = (cohortId: string, upload: Upload) =>
  importEnrolment(t.db, { actorId: admin, grants: GLOBAL_ADMIN_GRANTS, cohortId, upload, previewedHash: null, defaultLocale: "es", linkValidForMs: 86_400_000, mailLinks: null });
const count = async (table: "people" | "cohort_members" | "password_resets" | "audit_log") =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
const tag = () => Math.random().toString(36).slice(2, 8);

describe(`bulk enrolment (${process.env.SENDERO_TEST_ENGINE})`, () => {
  it("reports the line and column of every bad row in the dry run, and writes nothing", async () => {
    const cohort = await makeCohort(t.db);
    const x = tag();
    const file = csv(
      [
        "correo,nombre,idioma,país,institución",
        `a-${x}@test.sendero.test,Ana,es,MX,Instituto Nacional de Migración`,
        `not-an-email,Beto,es,MX,`,
        `c-${x}@test.sendero.test,,es,MX,`,
        `d-${x}@test.sendero.test,Dora,fr,MX,`,
        `e-${x}@test.sendero.test,Eva,en,MX,No such institute`,
      ].join("\n"),
    );
    const before = await count("people");
    const preview = await previewEnrolment(t.db, GLOBAL_ADMIN_GRANTS, cohort, file);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.errors.map((e) => `${e.line}:${e.column}:${e.code}`)).toEqual([
      "3:email:invalidEmail",
      "4:name:required",
      "5:language:unknownLanguage",
      "6:institution:unknownInstitution",
    ]);
    expect(preview.rows.map((r) => [r.line, r.action])).toEqual([[2, "create"]]);
    expect(await count("people")).toBe(before);
  });

  it("changes nothing when the import fails: no person, membership, link or audit line", async () => {
    const cohort = await makeCohort(t.db);
    const x = tag();
    const file = csv(`email,name\nok-${x}@test.sendero.test,Ok\nbroken,Broken\n`);
    const before = await Promise.all((["people", "cohort_members", "password_resets", "audit_log"] as const).map(count));
    const result = await run(cohort, file);
    expect(result).toEqual({ ok: false, code: "invalid-rows" });
    expect(await Promise.all((["people", "cohort_members", "password_resets", "audit_log"] as const).map(count))).toEqual(before);
  });

  it("rolls back every created person when the cohort refuses (the cohort's own refusal code comes back)", async () => {
    const x = tag();
    const before = await count("people");
    const result = await run("00000000-0000-4000-8000-000000000000", csv(`email,name\nz-${x}@test.sendero.test,Zoe\n`));
    expect(result).toEqual({ ok: false, code: "cohort-missing" });
    expect(await count("people")).toBe(before);
  });

  it("creates no duplicate when the same file is imported again, and updates changed rows", async () => {
    const cohort = await makeCohort(t.db);
    const x = tag();
    const text = `email,name,country\nr1-${x}@test.sendero.test,Rosa,MX\nR2-${x}@Test.Sendero.Test,Raúl,MX\n`;
    const first = await run(cohort, csv(text));
    expect(first.ok && [first.created, first.updated, first.skipped]).toEqual([2, 0, 0]);
    const peopleAfterFirst = await count("people");
    const again = await run(cohort, csv(text));
    expect(again.ok && [again.created, again.updated, again.skipped, again.links.length]).toEqual([0, 0, 2, 0]);
    expect(await count("people")).toBe(peopleAfterFirst);
    const renamed = await run(cohort, csv(text.replace("Rosa", "Rosa María")));
    expect(renamed.ok && [renamed.created, renamed.updated, renamed.skipped]).toEqual([0, 1, 1]);
    const members = await t.db.selectFrom("cohort_members").select("person_id").where("cohort_id", "=", cohort).execute();
    expect(members).toHaveLength(2);
  });

  it("stores formula-looking cells as text, from CSV and from XLSX formula cells", async () => {
    const cohort = await makeCohort(t.db);
    const x = tag();
    await run(cohort, csv(`email,name\nf1-${x}@test.sendero.test,"=HYPERLINK(""http://evil.test"",""x"")"\n`));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("people");
    sheet.addRow(["email", "name"]);
    sheet.addRow([`f2-${x}@test.sendero.test`, { formula: "1+2", result: 3 }]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const result = await run(cohort, { name: "people.xlsx", bytes });
    expect(result.ok).toBe(true);
    const names = await t.db.selectFrom("people").select(["email", "display_name"]).where("email", "in", [`f1-${x}@test.sendero.test`, `f2-${x}@test.sendero.test`]).orderBy("email").execute();
    expect(names.map((n) => n.display_name)).toEqual(['=HYPERLINK("http://evil.test","x")', "=1+2"]);
  });

  it("gives each new person a working link to set a password, and refuses a changed file", async () => {
    const cohort = await makeCohort(t.db);
    const x = tag();
    const file = csv(`email,name\nlink-${x}@test.sendero.test,Lina\n`);
    const preview = await previewEnrolment(t.db, GLOBAL_ADMIN_GRANTS, cohort, file);
    if (!preview.ok) throw new Error("preview refused");
    const changed = await importEnrolment(t.db, { actorId: admin, grants: GLOBAL_ADMIN_GRANTS, cohortId: cohort, upload: csv(`email,name\nother-${x}@test.sendero.test,O\n`), previewedHash: preview.hash, defaultLocale: "es", linkValidForMs: 86_400_000, mailLinks: null });
    expect(changed).toEqual({ ok: false, code: "changed" });
    const result = await importEnrolment(t.db, { actorId: admin, grants: GLOBAL_ADMIN_GRANTS, cohortId: cohort, upload: file, previewedHash: preview.hash, defaultLocale: "es", linkValidForMs: 86_400_000, mailLinks: null });
    if (!result.ok) throw new Error(result.code);
    const [link] = result.links;
    expect(await findOpenReset(t.db, link!.token)).toBeTruthy();
    expect(await redeemPasswordReset(t.db, link!.token, "a long new password")).toBe(true);
    expect((await findPersonByEmail(t.db, `link-${x}@test.sendero.test`))?.password_hash).toBeTruthy();
  });
});
