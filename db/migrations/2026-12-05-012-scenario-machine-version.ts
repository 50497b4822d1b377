import type { Kysely } from "kysely";

// Scenario plays carry the version of the rules that wrote them, as quiz states do, so a state
// written under other rules is refused on restore (a clear page), never misread.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("scenario_states").addColumn("machine_version", "integer", (c) => c.notNull().defaultTo(1)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("scenario_states").dropColumn("machine_version").execute();
}
