import type { MembershipCode } from "../models/teams/membership.server";
import type { Refusal } from "./refusals";

// Apart from ./refusals.ts, whose dialogue tables the dialogue pages import: each page ships
// only the translations of the areas it uses (app/i18n/sections.ts).

// A team or person id of another cohort is answered as one that does not exist here.
const TEAM_MEMBERSHIP: Record<MembershipCode, Refusal> = {
  closed: { message: "facilitate.teams.errors.closed", status: 409 },
  badName: { message: "facilitate.teams.errors.badName", status: 400 },
  nameTaken: { message: "facilitate.teams.errors.nameTaken", status: 409 },
  noSuchTeam: { message: "facilitate.teams.errors.noSuchTeam", status: 404 },
  noSuchPerson: { message: "facilitate.teams.errors.noSuchPerson", status: 404 },
  alreadyInTeam: { message: "facilitate.teams.errors.alreadyInTeam", status: 409 },
  notInTeam: { message: "facilitate.teams.errors.notInTeam", status: 409 },
  sameTeam: { message: "facilitate.teams.errors.sameTeam", status: 409 },
  notEmpty: { message: "facilitate.teams.errors.notEmpty", status: 409 },
  hasWork: { message: "facilitate.teams.errors.teamHasWork", status: 409 },
};

/** The page's answer to a refused change of a cohort's teams made by hand (create, add, move, remove, delete). */
export function membershipRefusal(code: MembershipCode): Refusal {
  return TEAM_MEMBERSHIP[code];
}
