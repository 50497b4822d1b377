import { describe, expect, it } from "vitest";
import { routeModules, unlistedRoutes } from "../tests/setup/route-modules";

describe("the authorisation matrix's route check", () => {
  it("finds every route module, folders included", () => {
    const modules = routeModules();
    expect(modules).toContain("login.tsx");
    expect(modules).toContain("learn.$courseId.$itemId/route.tsx");
    expect(modules.some((m) => m.endsWith(".test.ts") || m.endsWith(".server.ts"))).toBe(false);
  });

  it("fails when a route is added without expectations", () => {
    const modules = [...routeModules(), "admin.secrets.tsx"];
    expect(unlistedRoutes(modules, routeModules()).missing).toEqual(["admin.secrets.tsx"]);
  });
});
