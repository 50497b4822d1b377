import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.server";

describe("configuration", () => {
  it("seeds the demo on the embedded database outside production", () => {
    expect(loadConfig({}).seedDemo).toBe(true);
  });

  it("never seeds the demo in production unless asked for", () => {
    expect(loadConfig({ NODE_ENV: "production" }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", SEED_DEMO: "1" }).seedDemo).toBe(true);
  });

  it("does not seed a PostgreSQL database unless asked for", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@localhost/db" }).seedDemo).toBe(false);
  });

  it("uses secure cookies when the public address is HTTPS", () => {
    expect(loadConfig({ PUBLIC_URL: "https://sendero.example.org" }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: "http://localhost:3000" }).cookieSecure).toBe(false);
    expect(loadConfig({ PUBLIC_URL: "https://sendero.example.org", COOKIE_SECURE: "0" }).cookieSecure).toBe(false);
  });

  it("stops with a message naming the bad setting", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ SEED_DEMO: "maybe" })).toThrow(/SEED_DEMO/);
  });
});
