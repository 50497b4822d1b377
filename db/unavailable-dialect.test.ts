import { describe, expect, it } from "vitest";
import { isConnectionFailure } from "./unavailable-dialect";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isConnectionFailure", () => {
  it("recognises a database that is down, restarting or cut off", () => {
    expect(isConnectionFailure(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
    expect(isConnectionFailure(withCode("terminating connection due to administrator command", "57P01"))).toBe(true);
    expect(isConnectionFailure(withCode("the database system is starting up", "57P03"))).toBe(true);
    expect(isConnectionFailure(withCode("connection failure", "08006"))).toBe(true);
    expect(isConnectionFailure(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionFailure(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("leaves mistakes in queries and data alone, so they stay 500s and get fixed", () => {
    expect(isConnectionFailure(withCode('duplicate key value violates unique constraint "people_email_key"', "23505"))).toBe(false);
    expect(isConnectionFailure(withCode('relation "nope" does not exist', "42P01"))).toBe(false);
    expect(isConnectionFailure(withCode("could not serialize access", "40001"))).toBe(false);
    expect(isConnectionFailure(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isConnectionFailure("ECONNREFUSED")).toBe(false);
  });
});
