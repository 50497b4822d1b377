import { describe, expect, it } from "vitest";
import { dateFormat, regionName } from "./intl";

describe("intl formatters", () => {
  it("reuses one formatter per language and options", () => {
    expect(dateFormat("es", { dateStyle: "medium", timeZone: "UTC" })).toBe(dateFormat("es", { dateStyle: "medium", timeZone: "UTC" }));
    expect(dateFormat("es", { dateStyle: "medium", timeZone: "UTC" })).not.toBe(dateFormat("en", { dateStyle: "medium", timeZone: "UTC" }));
    expect(dateFormat("en", { day: "numeric", month: "numeric", timeZone: "UTC" }).format(new Date("2026-03-04T12:00:00Z"))).toBe("3/4");
  });

  it("names countries in the language, and falls back to the code", () => {
    expect(regionName("en", "GT")).toBe("Guatemala");
    expect(regionName("es", "MX")).toBe("México");
    expect(regionName("en", "XZ")).toBe("XZ");
  });
});
