import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken } from "./unsubscribe";

const secret = randomBytes(32);
const person = "0b6f1a52-3c1e-4c55-9a43-7d1f6a0e2b11";

describe("unsubscribe tokens", () => {
  it("reads back who and what", () => {
    expect(readUnsubscribeToken(secret, unsubscribeToken(secret, person, "digests"))).toEqual({ personId: person, topic: "digests" });
  });

  it("refuses a token changed in any part, or signed with another key", () => {
    const token = unsubscribeToken(secret, person, "digests");
    const [, , sig] = token.split(".");
    expect(readUnsubscribeToken(secret, token.replace("digests", "reminders"))).toBeNull();
    expect(readUnsubscribeToken(secret, token.replace(person, "1b6f1a52-3c1e-4c55-9a43-7d1f6a0e2b11"))).toBeNull();
    expect(readUnsubscribeToken(secret, `${person}.digests.${sig!.slice(0, -2)}AA`)).toBeNull();
    expect(readUnsubscribeToken(secret, `${token}.x`)).toBeNull();
    // The last character of the signature carries padding bits: another spelling of the same bytes is refused too.
    for (const last of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") {
      const spelled = `${token.slice(0, -1)}${last}`;
      expect(readUnsubscribeToken(secret, spelled) !== null).toBe(spelled === token);
    }
    expect(readUnsubscribeToken(randomBytes(32), token)).toBeNull();
    expect(readUnsubscribeToken(secret, "")).toBeNull();
  });
});
