import { describe, expect, it } from "vitest";
import { chooseLocale, fromAcceptLanguage } from "./locales";

describe("choosing the interface language", () => {
  it("prefers the person's setting over the cookie and the browser", () => {
    expect(chooseLocale("en", "es", "es-MX")).toBe("en");
  });
  it("uses the cookie when the person has no setting (signed out)", () => {
    expect(chooseLocale(null, "en", "es-MX,es;q=0.9")).toBe("en");
  });
  it("falls back to the browser, honouring q-values", () => {
    expect(fromAcceptLanguage("fr-FR, en;q=0.8, es;q=0.9")).toBe("es");
    expect(fromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
  });
  it("defaults to Spanish for unsupported or missing languages", () => {
    expect(chooseLocale(undefined, "xx", "de-DE,fr;q=0.5")).toBe("es");
    expect(chooseLocale(undefined, undefined, undefined)).toBe("es");
    expect(fromAcceptLanguage("en;q=0")).toBeNull();
  });
});
