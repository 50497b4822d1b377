import { expect, test } from "@playwright/test";

// What the production server adds to every response, seen from outside.
test.describe("the production server", () => {
  test("sends security headers with a new script nonce on every page", async ({ request, page }) => {
    const first = await request.get("/login");
    const second = await request.get("/login");
    const csp = first.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    const nonceOf = (header: string) => /'nonce-([^']+)'/.exec(header)?.[1];
    expect(nonceOf(csp)).not.toEqual(nonceOf(second.headers()["content-security-policy"] ?? ""));
    expect(first.headers()["x-content-type-options"]).toBe("nosniff");
    expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(first.headers()["x-frame-options"]).toBe("DENY");
    expect(first.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers()["x-powered-by"]).toBeUndefined();

    // Every inline script carries this response's nonce, so the page runs under the policy.
    const response = await page.goto("/login");
    const nonce = nonceOf(response?.headers()["content-security-policy"] ?? "");
    const html = await response!.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  test("compresses pages with brotli or gzip, as the browser asks", async ({ request }) => {
    const br = await request.get("/login", { headers: { "accept-encoding": "br" } });
    expect(br.headers()["content-encoding"]).toBe("br");
    const gzip = await request.get("/login", { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers()["content-encoding"]).toBe("gzip");
  });

  test("answers the health check and never caches it", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers()["cache-control"]).toBe("no-store");
  });

  test("refuses an oversized POST with 413", async ({ request }) => {
    const response = await request.post("/login", {
      form: { email: "a@b.c", password: "x".repeat(1_100_000) },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(413);
  });
});

// Every page a signed-in admin can reach, and every address that takes a form.
const PAGES = ["/login", "/learn", "/learn/trafficking-smuggling", "/learn/trafficking-smuggling/what-is-trafficking", "/learn/trafficking-smuggling/two-crimes-quiz", "/facilitate", "/coordinate", "/coordinate/invitations", "/admin", "/admin/people", "/admin/audit", "/account", "/dialogue", "/notifications", "/no-such-page"];
const FORM_TARGETS = ["/login", "/logout", "/language", "/join/some-token", "/reset/some-token", "/account", "/coordinate/invitations", "/admin/people", "/learn/trafficking-smuggling/what-is-trafficking", "/learn/trafficking-smuggling/two-crimes-quiz", "/facilitate", "/dialogue/00000000-0000-4000-8000-000000000000", "/dialogue/00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-000000000000"];

test.describe("on every page and every form", () => {
  test("security headers are sent on every page", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Correo electrónico", { exact: true }).fill("admin@demo.sendero.test");
    await page.getByLabel("Contraseña", { exact: true }).fill("sendero-demo");
    await page.getByRole("button", { name: "Iniciar sesión", exact: true }).click();
    await expect(page).toHaveURL(/\/admin$/);
    for (const path of PAGES) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["x-request-id"], path).toBeTruthy();
    }
  });

  test("a form sent without the CSRF proof is refused with 403 wherever it goes", async ({ page }) => {
    await page.goto("/login");
    for (const path of FORM_TARGETS) {
      const response = await page.request.post(path, { form: { intent: "start", email: "admin@demo.sendero.test", password: "sendero-demo" }, maxRedirects: 0 });
      expect(response.status(), path).toBe(403);
    }
  });
});
