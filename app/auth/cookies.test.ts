import { describe, expect, it } from "vitest";
import { flashCookie, sessionCookie } from "./cookies.server";

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and Secure with the __Host- prefix behind HTTPS", () => {
    const secure = sessionCookie({ cookieSecure: true }, "token");
    expect(secure).toMatch(/^__Host-sendero_session=token; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    const plain = sessionCookie({ cookieSecure: false }, "token");
    expect(plain).toBe("sendero_session=token; Path=/; HttpOnly; SameSite=Lax");
  });

  it("has no lifetime of its own (closing the browser of a shared PC ends it) and is cleared on sign-out", () => {
    expect(sessionCookie({ cookieSecure: false }, "token")).not.toMatch(/Max-Age|Expires/);
    expect(sessionCookie({ cookieSecure: false }, null)).toMatch(/Max-Age=0/);
  });

  it("keeps one-time links in a short-lived HttpOnly cookie scoped to their page", () => {
    expect(flashCookie({ cookieSecure: true }, "/admin/people", "reset:abc")).toBe("sendero_flash=reset%3Aabc; Path=/admin/people; HttpOnly; SameSite=Lax; Secure; Max-Age=300");
  });
});
