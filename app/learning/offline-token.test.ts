import { describe, expect, it } from "vitest";
import { checkOfflineToken, OFFLINE_TOKEN_MAX_AGE_MS, offlineCompletionTime, readOfflineToken, signOfflineToken } from "./offline-token";

const secret = Buffer.alloc(32, 7);
const target = { personId: "5f0c6a52-2f4e-4d1b-9a53-0d8e1f6a9b21", courseId: "trafficking-smuggling", itemId: "what-is-trafficking" };
const issued = new Date("2026-12-01T08:00:00Z");
const HOUR = 3_600_000;

describe("a saved lesson page's one-time token", () => {
  it("says who, which lesson and when it was saved, and differs on every save", () => {
    const token = signOfflineToken(secret, target, issued);
    expect(readOfflineToken(secret, token)).toEqual({ ...target, issuedAt: issued });
    expect(signOfflineToken(secret, target, issued)).not.toBe(token);
  });

  it("is refused when altered, signed with another secret, or malformed", () => {
    const token = signOfflineToken(secret, target, issued);
    const [prefix, payload, sig] = token.split(".") as [string, string, string];
    const otherPayload = Buffer.from(JSON.stringify(["someone-else", target.courseId, target.itemId, issued.getTime(), "x"])).toString("base64url");
    for (const bad of [`${prefix}.${otherPayload}.${sig}`, `${prefix}.${payload}.${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`, signOfflineToken(Buffer.alloc(32, 8), target, issued), "", "o1..", `${token}.more`, "x".repeat(2000), `o2.${payload}.${sig}`]) {
      expect(readOfflineToken(secret, bad), bad.slice(0, 40)).toBeNull();
    }
  });

  it("is usable only by its person on its lesson, for 30 days", () => {
    const token = signOfflineToken(secret, target, issued);
    const now = new Date(issued.getTime() + 2 * HOUR);
    expect(checkOfflineToken(secret, token, target, now)).toEqual(issued);
    expect(checkOfflineToken(secret, token, { ...target, personId: "another" }, now)).toBeNull();
    expect(checkOfflineToken(secret, token, { ...target, itemId: "what-is-smuggling" }, now)).toBeNull();
    expect(checkOfflineToken(secret, token, { ...target, courseId: "other-course" }, now)).toBeNull();
    expect(checkOfflineToken(secret, token, target, new Date(issued.getTime() + OFFLINE_TOKEN_MAX_AGE_MS))).toEqual(issued);
    expect(checkOfflineToken(secret, token, target, new Date(issued.getTime() + OFFLINE_TOKEN_MAX_AGE_MS + 1))).toBeNull();
    expect(checkOfflineToken(secret, token, target, new Date(issued.getTime() - HOUR))).toBeNull();
  });
});

describe("the time a queued completion is recorded at", () => {
  const now = new Date(issued.getTime() + 48 * HOUR);
  it("is the device's time when it lies between the save and now", () => {
    expect(offlineCompletionTime("2026-12-02T10:30:00.000Z", issued, now)).toEqual(new Date("2026-12-02T10:30:00Z"));
    expect(offlineCompletionTime("2026-12-02T04:30:00-06:00", issued, now)).toEqual(new Date("2026-12-02T10:30:00Z"));
  });

  it("is kept between the save and now", () => {
    expect(offlineCompletionTime("2026-11-01T00:00:00Z", issued, now)).toEqual(issued);
    expect(offlineCompletionTime("2027-01-01T00:00:00Z", issued, now)).toEqual(now);
  });

  it("is now (null) when the device says nothing readable", () => {
    for (const claimed of [null, "", "yesterday", "2026-12-02", "2026-12-02T10:30:00", "2026-13-02T10:30:00Z", "1733130000000"]) {
      expect(offlineCompletionTime(claimed, issued, now), String(claimed)).toBeNull();
    }
  });
});
