import { describe, expect, it } from "vitest";
import { homeFor, rolesAllow } from "./roles";

describe("roles", () => {
  it("sends each person to the area of their highest role", () => {
    expect(homeFor(["officer"])).toBe("/learn");
    expect(homeFor(["officer", "facilitator"])).toBe("/facilitate");
    expect(homeFor(["facilitator", "coordinator"])).toBe("/coordinate");
    expect(homeFor(["admin", "officer"])).toBe("/admin");
  });

  it("keeps progress and administration away from officers", () => {
    expect(rolesAllow(["officer"], "learn")).toBe(true);
    expect(rolesAllow(["officer"], "read:progress")).toBe(false);
    expect(rolesAllow(["officer", "facilitator"], "manage:people")).toBe(false);
    expect(rolesAllow(["coordinator"], "create:invitation")).toBe(true);
    expect(rolesAllow(["admin"], "manage:people")).toBe(true);
  });
});
