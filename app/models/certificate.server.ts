import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { Certificate } from "../../db/types";
import { newCertificateCode } from "../certificates/code";
import type { Course } from "../content/model";
import { peopleInScope, type Grant } from "./access.server";
import { audit } from "./audit.server";

export type { Certificate };

/**
 * Issues the person's certificate for a course they have just completed, once: a second call
 * (a retry, a second process, a replayed completion) finds the first and returns it. Called in
 * the completing transaction, so a completion never stands without its certificate.
 */
export async function issueCertificate(db: DB, personId: string, course: Pick<Course, "id" | "version" | "title" | "minutes">): Promise<Certificate> {
  const person = await db.selectFrom("people").select(["display_name", "locale"]).where("id", "=", personId).executeTakeFirstOrThrow();
  await db
    .insertInto("certificates")
    .values({
      code: newCertificateCode(),
      person_id: personId,
      course_id: course.id,
      course_version: course.version,
      locale: person.locale,
      holder_name: person.display_name,
      course_title: JSON.stringify(course.title),
      minutes: course.minutes,
    })
    .onConflict((oc) => oc.columns(["person_id", "course_id"]).doNothing())
    .execute();
  return db.selectFrom("certificates").selectAll().where("person_id", "=", personId).where("course_id", "=", course.id).executeTakeFirstOrThrow();
}

/** A certificate by its code, and whether its holder was erased (then it bears no name). */
export async function certificateByCode(db: DB, code: string): Promise<(Certificate & { holderErased: boolean }) | null> {
  const row = await db
    .selectFrom("certificates")
    .innerJoin("people", "people.id", "certificates.person_id")
    .selectAll("certificates")
    .select("people.erased_at")
    .where("certificates.code", "=", code)
    .executeTakeFirst();
  if (!row) return null;
  const { erased_at, ...cert } = row;
  return { ...cert, holderErased: erased_at !== null };
}

export async function certificatesOf(db: DB, personId: string): Promise<Certificate[]> {
  return db.selectFrom("certificates").selectAll().where("person_id", "=", personId).orderBy("issued_at", "desc").execute();
}

export async function certificateFor(db: DB, personId: string, courseId: string): Promise<Certificate | null> {
  return (await db.selectFrom("certificates").selectAll().where("person_id", "=", personId).where("course_id", "=", courseId).executeTakeFirst()) ?? null;
}

/** Certificates of the people these grants reach, newest first, with the holder's place. */
export async function certificatesInScope(db: DB, grants: Grant[], options: { limit: number; offset: number }) {
  const base = db.selectFrom("certificates").innerJoin("people", "people.id", "certificates.person_id").where(peopleInScope(grants));
  const [rows, total] = await Promise.all([
    base
      .leftJoin("institutions", "institutions.id", "people.institution_id")
      .select([
        "certificates.code",
        "certificates.course_id",
        "certificates.course_title",
        "certificates.holder_name",
        "certificates.issued_at",
        "certificates.revoked_at",
        "certificates.revoked_reason",
        "people.country_code",
        "institutions.short_name as institution",
      ])
      .orderBy("certificates.issued_at", "desc")
      .orderBy("certificates.code")
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Valid certificates in scope, counted by country, institution and year of issue. */
export async function certificateCounts(db: DB, grants: Grant[]) {
  const rows = await db
    .selectFrom("certificates")
    .innerJoin("people", "people.id", "certificates.person_id")
    .leftJoin("institutions", "institutions.id", "people.institution_id")
    .where(peopleInScope(grants))
    .where("certificates.revoked_at", "is", null)
    .select([
      "people.country_code as country",
      "institutions.short_name as institution",
      sql<number>`extract(year from certificates.issued_at)::int`.as("year"),
      (eb) => eb.fn.countAll<number>().as("count"),
    ])
    .groupBy(["people.country_code", "institutions.short_name", sql`extract(year from certificates.issued_at)`])
    .orderBy("year", "desc")
    .orderBy("country")
    .orderBy("institution")
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count), year: Number(r.year) }));
}

export type RevokeResult = "revoked" | "already-revoked" | "not-found";

/**
 * Revokes a certificate of a person in the revoker's scope (checked in SQL: out of scope is
 * "not-found"), with a reason, and writes the audit log in the same transaction.
 */
export async function revokeCertificate(db: DB, input: { code: string; reason: string; by: string; grants: Grant[]; requestId: string | null }): Promise<RevokeResult> {
  return db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom("certificates")
      .innerJoin("people", "people.id", "certificates.person_id")
      .select(["certificates.id", "certificates.revoked_at", "certificates.person_id", "certificates.course_id"])
      .where("certificates.code", "=", input.code)
      .where(peopleInScope(input.grants))
      .forUpdate()
      .executeTakeFirst();
    if (!target) return "not-found";
    if (target.revoked_at) return "already-revoked";
    await trx
      .updateTable("certificates")
      .set({ revoked_at: sql`now()`, revoked_by: input.by, revoked_reason: input.reason })
      .where("id", "=", target.id)
      .execute();
    await audit(trx, {
      actorId: input.by,
      action: "certificate.revoke",
      targetType: "certificate",
      targetId: target.id,
      details: { code: input.code, course: target.course_id, holder: target.person_id, reason: input.reason },
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
    return "revoked";
  });
}

/**
 * A certificate the viewer may download: their own, or (with `grants` for reading progress) one
 * of a person in their scope — checked in SQL. Null otherwise, which the route answers with 404.
 */
export async function viewableCertificate(db: DB, viewerId: string, grants: Grant[], code: string) {
  return (
    (await db
      .selectFrom("certificates")
      .innerJoin("people", "people.id", "certificates.person_id")
      .selectAll("certificates")
      .select("people.email")
      .where("certificates.code", "=", code)
      .where((eb) => eb.or([eb("certificates.person_id", "=", viewerId), peopleInScope(grants)(eb)]))
      .executeTakeFirst()) ?? null
  );
}
