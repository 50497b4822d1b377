import type { DB } from "../client";
import { addToCohort, createPerson, grantRole } from "../../app/models/person.server";
import { createGeneralSpace } from "../../app/models/dialogue/spaces.server";
import { renderPost } from "../../app/dialogue/render.server";

/** A second demo officer, from another country, so the dialogue has two sides. */
export const DEMO_SECOND_OFFICER = { email: "officer2@demo.sendero.test", name: "Rosa Officer" };

const THREADS = [
  {
    title: "Preséntese: ¿desde dónde trabaja?",
    by: "facilitator",
    body: "Bienvenidas y bienvenidos al espacio general del grupo. Cuéntenos en qué país y en qué tipo de puesto trabaja, y qué espera del programa.",
    replies: [{ by: "officer2", body: "Trabajo en un punto fronterizo de Guatemala. Espero aprender a **identificar antes** a quien necesita protección." }],
  },
  {
    title: "¿Cómo explican el derecho a pedir asilo en pocas palabras?",
    by: "officer",
    body: "En la garita a veces hay apenas unos minutos. ¿Qué frases les funcionan?\n\n- decir que es gratuito\n- decir que no afecta su caso migratorio",
    replies: [],
  },
];

/**
 * The demo cohort's general dialogue space, with a second officer and a couple of threads. The
 * demo facilitator facilitates the space through their cohort membership.
 */
export async function seedDemoDialogue(trx: DB, cohortId: string, cohortName: string, password: string): Promise<void> {
  const secondOfficer = await createPerson(trx, { email: DEMO_SECOND_OFFICER.email, displayName: DEMO_SECOND_OFFICER.name, locale: "es", password, countryCode: "GT" });
  await grantRole(trx, secondOfficer, "officer", { kind: "cohort", id: cohortId }, null);
  await addToCohort(trx, cohortId, secondOfficer, "officer");

  const people = await trx
    .selectFrom("people")
    .select(["id", "email"])
    .where("email", "in", ["officer@demo.sendero.test", "facilitator@demo.sendero.test"])
    .execute();
  const idOf = { officer: people.find((p) => p.email.startsWith("officer@"))!.id, facilitator: people.find((p) => p.email.startsWith("facilitator@"))!.id, officer2: secondOfficer };

  const spaceId = await createGeneralSpace(trx, cohortId, cohortName);
  for (const thread of THREADS) {
    const author = idOf[thread.by as keyof typeof idOf];
    const { id: threadId } = await trx.insertInto("dialogue_threads").values({ space_id: spaceId, author_id: author, title: thread.title }).returning("id").executeTakeFirstOrThrow();
    const { id: openingId } = await trx
      .insertInto("dialogue_posts")
      .values({ thread_id: threadId, parent_id: null, author_id: author, opens_thread: true, body_source: thread.body, body_html: renderPost(thread.body), state: "published", published_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("dialogue_follows").values({ thread_id: threadId, person_id: author }).execute();
    for (const reply of thread.replies) {
      const by = idOf[reply.by as keyof typeof idOf];
      await trx
        .insertInto("dialogue_posts")
        .values({ thread_id: threadId, parent_id: openingId, author_id: by, body_source: reply.body, body_html: renderPost(reply.body), state: "published", published_at: new Date() })
        .execute();
    }
  }
}
