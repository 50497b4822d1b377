import type { Trx } from "../../db/client";
import { hashToken, newToken } from "../utils/tokens.server";

export interface NewPersonRecord {
  email: string;
  displayName: string;
  locale: string;
  countryCode: string | null;
  institutionId: string | null;
  unitId: string | null;
}

export interface SignInLink {
  personId: string;
  email: string;
  displayName: string;
  locale: string;
  token: string;
}

const CHUNK = 1000;

/**
 * Creates people who have no password yet, each with a single-use link to set one (a password
 * reset, so no invitation is needed), in the caller's transaction. This is the one place new
 * accounts without a password are made: sending the link by mail belongs here too.
 */
export async function createPeopleWithSignInLinks(
  trx: Trx,
  people: readonly NewPersonRecord[],
  createdBy: string,
  validForMs: number,
): Promise<SignInLink[]> {
  const links: SignInLink[] = [];
  const expiresAt = new Date(Date.now() + validForMs);
  for (let i = 0; i < people.length; i += CHUNK) {
    const chunk = people.slice(i, i + CHUNK);
    const created = await trx
      .insertInto("people")
      .values(
        chunk.map((p) => ({
          email: p.email,
          display_name: p.displayName,
          locale: p.locale,
          country_code: p.countryCode,
          institution_id: p.institutionId,
          unit_id: p.unitId,
        })),
      )
      .returning(["id", "email", "display_name", "locale"])
      .execute();
    const tokens = created.map((p) => ({ person: p, token: newToken() }));
    await trx
      .insertInto("password_resets")
      .values(tokens.map(({ person, token }) => ({ token_hash: hashToken(token), person_id: person.id, created_by: createdBy, expires_at: expiresAt })))
      .execute();
    links.push(...tokens.map(({ person, token }) => ({ personId: person.id, email: person.email, displayName: person.display_name, locale: person.locale, token })));
  }
  return links;
}
