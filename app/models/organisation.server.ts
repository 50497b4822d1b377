import type { DB } from "../../db/client";

export async function organisationCounts(db: DB) {
  const count = (table: "people" | "cohorts" | "institutions" | "countries") =>
    db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow().then((r) => Number(r.n));
  const [people, cohorts, institutions, countries] = await Promise.all([count("people"), count("cohorts"), count("institutions"), count("countries")]);
  return { people, cohorts, institutions, countries };
}
