import { sql } from "kysely";
import type { DB, Trx } from "../../db/client";
import { cohortsInScope, mayCreateCohortIn, type Grant } from "./access.server";
import { audit } from "./audit.server";
import { addMembers, endFacilitatorMembership } from "./cohort-membership.server";
import type { Actor } from "./countries.server";
import { createGeneralSpace } from "./dialogue/spaces.server";
import { grantRole, normaliseEmail } from "./person.server";
import { refusableTransaction } from "./refusable-transaction.server";
import { refused, type Result } from "./result";

// Cohorts as programme runs, managed by admins and by coordinators within their scope. Every
// read and write names the manager's grants in its WHERE clause (cohortsInScope), so an id
// from another country is "missing" here, whatever the form said.

export interface CohortFields {
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  capacity: number | null;
  locale: string | null;
  lowData: boolean;
  countryCode: string | null;
  courses: { courseId: string; dueOn: string | null }[];
}

export type CohortRefusal = "missing" | "out-of-scope" | "closed" | "country-missing" | "below-members" | "person-missing" | "full";

const likePattern = (search: string) => `%${search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listManagedCohorts(db: DB, grants: Grant[], query: { search: string; limit: number; offset: number }) {
  let base = db.selectFrom("cohorts").where(cohortsInScope(grants));
  if (query.search.trim()) base = base.where(sql`lower(cohorts.name)`, "like", likePattern(query.search));
  const [rows, total] = await Promise.all([
    base
      .select([
        "cohorts.id",
        "cohorts.name",
        "cohorts.starts_on",
        "cohorts.ends_on",
        "cohorts.capacity",
        "cohorts.country_code",
        "cohorts.closed_at",
        (eb) => eb.selectFrom("cohort_members").select((m) => m.fn.countAll<number>().as("n")).whereRef("cohort_members.cohort_id", "=", "cohorts.id").where("cohort_members.role", "=", "officer").as("learners"),
      ])
      .orderBy(sql`cohorts.closed_at is not null`)
      .orderBy("cohorts.starts_on", "desc")
      .orderBy("cohorts.name")
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => ({ ...r, learners: Number(r.learners ?? 0) })), total: Number(total.n) };
}

export async function findManagedCohort(db: DB, grants: Grant[], id: string) {
  const cohort = await db
    .selectFrom("cohorts")
    .select(["id", "name", "starts_on", "ends_on", "capacity", "locale", "low_data", "country_code", "closed_at", "copied_from"])
    .where("id", "=", id)
    .where(cohortsInScope(grants))
    .executeTakeFirst();
  if (!cohort) return null;
  const [courses, facilitators, learners] = await Promise.all([
    db.selectFrom("cohort_courses").select(["course_id", "due_on"]).where("cohort_id", "=", id).orderBy("course_id").execute(),
    db
      .selectFrom("cohort_members")
      .innerJoin("people", "people.id", "cohort_members.person_id")
      .select(["people.id", "people.display_name", "people.email"])
      .where("cohort_members.cohort_id", "=", id)
      .where("cohort_members.role", "=", "facilitator")
      .orderBy("people.display_name")
      .execute(),
    db.selectFrom("cohort_members").select((eb) => eb.fn.countAll<number>().as("n")).where("cohort_id", "=", id).where("role", "=", "officer").executeTakeFirstOrThrow(),
  ]);
  return { ...cohort, courses, facilitators, learners: Number(learners.n) };
}

/** The cohort row, locked, if these grants reach it. */
async function lockManaged(trx: Trx, grants: Grant[], id: string) {
  return trx.selectFrom("cohorts").select(["id", "name", "closed_at", "country_code"]).where("id", "=", id).where(cohortsInScope(grants)).forNoKeyUpdate().executeTakeFirst();
}

async function countryUsable(trx: Trx, code: string | null) {
  if (code === null) return true;
  return Boolean(await trx.selectFrom("countries").select("code").where("code", "=", code).where("retired_at", "is", null).executeTakeFirst());
}

async function writeCourses(trx: Trx, cohortId: string, courses: CohortFields["courses"]) {
  await trx.deleteFrom("cohort_courses").where("cohort_id", "=", cohortId).execute();
  if (courses.length) await trx.insertInto("cohort_courses").values(courses.map((c) => ({ cohort_id: cohortId, course_id: c.courseId, due_on: c.dueOn }))).execute();
}

const row = (f: CohortFields) => ({
  name: f.name.trim(),
  starts_on: f.startsOn,
  ends_on: f.endsOn,
  capacity: f.capacity,
  locale: f.locale,
  low_data: f.lowData,
  country_code: f.countryCode,
});

/** Opens a new run with its courses and its general dialogue space. */
export async function createCohort(db: DB, actor: Actor, grants: Grant[], fields: CohortFields): Promise<Result<{ id: string }, CohortRefusal>> {
  if (!mayCreateCohortIn(grants, fields.countryCode)) return refused("out-of-scope");
  return refusableTransaction(db, async (trx): Promise<Result<{ id: string }, CohortRefusal>> => {
    if (!(await countryUsable(trx, fields.countryCode))) return refused("country-missing");
    const { id } = await trx.insertInto("cohorts").values(row(fields)).returning("id").executeTakeFirstOrThrow();
    await writeCourses(trx, id, fields.courses);
    await createGeneralSpace(trx, id, fields.name.trim());
    await audit(trx, { actorId: actor.id, action: "cohort.created", targetType: "cohort", targetId: id, details: { name: fields.name, country: fields.countryCode, courses: fields.courses }, requestId: actor.requestId });
    return { ok: true, id };
  });
}

export async function updateCohort(db: DB, actor: Actor, grants: Grant[], id: string, fields: CohortFields): Promise<Result<{ id: string }, CohortRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ id: string }, CohortRefusal>> => {
    const current = await lockManaged(trx, grants, id);
    if (!current) return refused("missing");
    if (current.closed_at) return refused("closed");
    // Moving a cohort to another country needs the right to open one there (a tampered field).
    if (fields.countryCode !== current.country_code && !mayCreateCohortIn(grants, fields.countryCode)) return refused("out-of-scope");
    if (!(await countryUsable(trx, fields.countryCode))) return refused("country-missing");
    if (fields.capacity !== null) {
      const seated = await trx.selectFrom("cohort_members").select((eb) => eb.fn.countAll<number>().as("n")).where("cohort_id", "=", id).where("role", "=", "officer").executeTakeFirstOrThrow();
      if (Number(seated.n) > fields.capacity) return refused("below-members");
    }
    await trx.updateTable("cohorts").set(row(fields)).where("id", "=", id).execute();
    await writeCourses(trx, id, fields.courses);
    await audit(trx, { actorId: actor.id, action: "cohort.updated", targetType: "cohort", targetId: id, details: { name: fields.name, country: fields.countryCode, capacity: fields.capacity, courses: fields.courses }, requestId: actor.requestId });
    return { ok: true, id };
  });
}

/**
 * The template of the next run: same courses (due dates cleared), capacity, language, country,
 * low-data default and facilitators; no learners, no dates.
 */
export async function copyCohort(db: DB, actor: Actor, grants: Grant[], id: string, name: string): Promise<Result<{ id: string }, CohortRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ id: string }, CohortRefusal>> => {
    const source = await trx.selectFrom("cohorts").selectAll().where("id", "=", id).where(cohortsInScope(grants)).executeTakeFirst();
    if (!source) return refused("missing");
    if (!mayCreateCohortIn(grants, source.country_code)) return refused("out-of-scope");
    const { id: copy } = await trx
      .insertInto("cohorts")
      .values({ name: name.trim(), capacity: source.capacity, locale: source.locale, low_data: source.low_data, country_code: source.country_code, copied_from: id, starts_on: null, ends_on: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    const courses = await trx.selectFrom("cohort_courses").select("course_id").where("cohort_id", "=", id).execute();
    await writeCourses(trx, copy, courses.map((c) => ({ courseId: c.course_id, dueOn: null })));
    const facilitators = await trx.selectFrom("cohort_members").select("person_id").where("cohort_id", "=", id).where("role", "=", "facilitator").execute();
    for (const f of facilitators) await grantRole(trx, f.person_id, "facilitator", { kind: "cohort", id: copy }, actor.id);
    await addMembers(trx, copy, facilitators.map((f) => ({ personId: f.person_id, role: "facilitator" as const })));
    await createGeneralSpace(trx, copy, name.trim());
    await audit(trx, { actorId: actor.id, action: "cohort.copied", targetType: "cohort", targetId: copy, details: { from: id }, requestId: actor.requestId });
    return { ok: true, id: copy };
  });
}

/** Closes a run: nobody joins any more and its page is read-only; progress is kept. */
export async function closeCohort(db: DB, actor: Actor, grants: Grant[], id: string): Promise<Result<{ id: string }, CohortRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ id: string }, CohortRefusal>> => {
    const current = await lockManaged(trx, grants, id);
    if (!current) return refused("missing");
    if (current.closed_at) return refused("closed");
    await trx.updateTable("cohorts").set({ closed_at: sql`now()` }).where("id", "=", id).execute();
    await audit(trx, { actorId: actor.id, action: "cohort.closed", targetType: "cohort", targetId: id, requestId: actor.requestId });
    return { ok: true, id };
  });
}

/** Makes a person (by email) a facilitator of the cohort: the grant and the membership. */
export async function addFacilitator(db: DB, actor: Actor, grants: Grant[], id: string, email: string): Promise<Result<{ personId: string }, CohortRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ personId: string }, CohortRefusal>> => {
    const current = await lockManaged(trx, grants, id);
    if (!current) return refused("missing");
    if (current.closed_at) return refused("closed");
    const person = await trx.selectFrom("people").select("id").where("email", "=", normaliseEmail(email)).where("disabled_at", "is", null).executeTakeFirst();
    if (!person) return refused("person-missing");
    await grantRole(trx, person.id, "facilitator", { kind: "cohort", id }, actor.id);
    // Someone already a learner of the cohort stays one; the grant lets them moderate.
    const joined = await addMembers(trx, id, [{ personId: person.id, role: "facilitator" }]);
    if (!joined.ok) return refused(joined.code === "cohort-missing" ? "missing" : joined.code);
    await audit(trx, { actorId: actor.id, action: "role.granted", targetType: "person", targetId: person.id, details: { role: "facilitator", scope: "cohort", cohort: id }, requestId: actor.requestId });
    return { ok: true, personId: person.id };
  });
}

export async function removeFacilitator(db: DB, actor: Actor, grants: Grant[], id: string, personId: string): Promise<Result<{ personId: string }, CohortRefusal>> {
  return refusableTransaction(db, async (trx): Promise<Result<{ personId: string }, CohortRefusal>> => {
    const current = await lockManaged(trx, grants, id);
    if (!current) return refused("missing");
    if (current.closed_at) return refused("closed");
    if (!(await endFacilitatorMembership(trx, id, personId))) return refused("person-missing");
    await trx.deleteFrom("role_grants").where("person_id", "=", personId).where("role", "=", "facilitator").where("cohort_id", "=", id).execute();
    await audit(trx, { actorId: actor.id, action: "role.revoked", targetType: "person", targetId: personId, details: { role: "facilitator", scope: "cohort", cohort: id }, requestId: actor.requestId });
    return { ok: true, personId };
  });
}
