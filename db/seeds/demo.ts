import { sql } from "kysely";
import type { DB } from "../client";
import type { RoleName } from "../types";
import { addToCohort, createPerson, grantRole } from "../../app/models/person.server";
import { seedDemoLearners } from "./demo-learners";
import { seedDemoDialogue } from "./demo-dialogue";

const DEMO_SEED_LOCK = 7_310_001;

export const DEMO_PASSWORD = "sendero-demo";

export const DEMO_ACCOUNTS: { role: RoleName; email: string; name: string }[] = [
  { role: "officer", email: "officer@demo.sendero.test", name: "Ana Officer" },
  { role: "facilitator", email: "facilitator@demo.sendero.test", name: "Bruno Facilitator" },
  { role: "coordinator", email: "coordinator@demo.sendero.test", name: "Carla Coordinator" },
  { role: "admin", email: "admin@demo.sendero.test", name: "Diego Admin" },
];

const DEMO_COURSES = ["vulnerability-referral", "unaccompanied-children", "trafficking-smuggling", "psychological-first-aid"];

const COUNTRIES = ["MX", "GT", "HN", "SV", "CR"];

const INSTITUTIONS = [
  { country: "MX", name: "Instituto Nacional de Migración", short: "INM", units: ["Estación Tapachula", "Oficina Tijuana"] },
  { country: "MX", name: "Sistema Nacional DIF", short: "DIF", units: ["Albergue Tapachula"] },
  { country: "GT", name: "Instituto Guatemalteco de Migración", short: "IGM", units: ["Tecún Umán"] },
  { country: "HN", name: "Instituto Nacional de Migración (Honduras)", short: "INM-HN", units: ["Agua Caliente"] },
  { country: "SV", name: "Dirección General de Migración y Extranjería", short: "DGME", units: ["San Salvador"] },
];

/**
 * A small demo organisation: a few countries, institutions and one cohort, and one account
 * per role. Does nothing if the demo admin already exists, so it is safe at every start.
 * Returns whether it created anything.
 */
export async function seedDemo(db: DB): Promise<boolean> {
  const created = await db.transaction().execute(async (trx) => {
    // Several processes may start at once on one PostgreSQL: one seeds, the others wait and see it done.
    await sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`.execute(trx);
    const existing = await trx.selectFrom("people").select("id").where("email", "=", "admin@demo.sendero.test").executeTakeFirst();
    if (existing) return null;

    await trx.insertInto("countries").values(COUNTRIES.map((code) => ({ code }))).onConflict((oc) => oc.doNothing()).execute();
    const institutionIds: Record<string, string> = {};
    for (const inst of INSTITUTIONS) {
      const { id } = await trx
        .insertInto("institutions")
        .values({ country_code: inst.country, name: inst.name, short_name: inst.short })
        .returning("id")
        .executeTakeFirstOrThrow();
      institutionIds[inst.short] = id;
      await trx.insertInto("units").values(inst.units.map((name) => ({ institution_id: id, name }))).execute();
    }
    const year = new Date().getFullYear();
    const { id: cohortId } = await trx
      .insertInto("cohorts")
      .values({ name: `Programa regional ${year} — grupo piloto`, starts_on: `${year}-01-15`, ends_on: `${year + 1}-06-30` })
      .returning("id")
      .executeTakeFirstOrThrow();

    // The demo cohort takes every course of content/ that exists now, due when the cohort ends.
    for (const courseId of DEMO_COURSES) {
      await trx.insertInto("cohort_courses").values({ cohort_id: cohortId, course_id: courseId, due_on: `${year + 1}-06-30` }).execute();
    }

    for (const account of DEMO_ACCOUNTS) {
      const personId = await createPerson(trx, {
        email: account.email,
        displayName: account.name,
        locale: "es",
        password: DEMO_PASSWORD,
        countryCode: "MX",
        institutionId: institutionIds.INM ?? null,
      });
      if (account.role === "admin") {
        await grantRole(trx, personId, "admin", { kind: "global" }, null);
      } else if (account.role === "coordinator") {
        await grantRole(trx, personId, "coordinator", { kind: "country", code: "MX" }, null);
        await grantRole(trx, personId, "coordinator", { kind: "country", code: "GT" }, null);
        await grantRole(trx, personId, "coordinator", { kind: "cohort", id: cohortId }, null);
      } else {
        await grantRole(trx, personId, account.role, { kind: "cohort", id: cohortId }, null);
        await addToCohort(trx, cohortId, personId, account.role);
      }
    }
    await seedDemoDialogue(trx, cohortId, `Programa regional ${year} — grupo piloto`, DEMO_PASSWORD);
    return { cohortId, institutionIds, year };
  });
  // Learners record progress through the models, each step its own transaction, so after the above.
  if (created) await seedDemoLearners(db, created);
  return Boolean(created);
}
