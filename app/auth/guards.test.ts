import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./guards.server";

describe("redirects after sign-in", () => {
  it("follows paths on this site", () => {
    expect(safeRedirectPath("/coordinate?q=ana")).toBe("/coordinate?q=ana");
  });
  it("refuses other sites and odd values", () => {
    for (const value of ["//evil.example", "https://evil.example", "/\\evil.example", "", null, 42]) {
      expect(safeRedirectPath(value, "/learn")).toBe("/learn");
    }
  });
});
