import express from "express";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfProtection } from "./csrf";

// A tiny app behind the real middleware: the handler counts what got through.
let base = "";
let reached: string[] = [];
let close: () => void;
beforeAll(async () => {
  const app = express();
  app.use(csrfProtection({ secure: false, bodyLimitBytes: 1000, uploads: { path: /^\/upload$/, limitBytes: 5000 }, refusalPage: () => "<p>refused</p>" }));
  app.all("*", (req, res) => {
    if (req.method !== "GET") reached.push(`${req.method} ${Buffer.isBuffer(req.body) ? req.body.toString() : ""}`);
    res.send("ok");
  });
  const server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

async function tokenCookie() {
  const response = await fetch(`${base}/page`);
  const cookie = response.headers.get("set-cookie") ?? "";
  const token = /sendero_csrf=([^;]+)/.exec(cookie)?.[1] ?? "";
  return { token, cookie: `sendero_csrf=${token}` };
}

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${base}/action`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });

describe("CSRF protection", () => {
  it("gives every visitor an HttpOnly token cookie", async () => {
    const response = await fetch(`${base}/page`);
    expect(response.headers.get("set-cookie")).toMatch(/^sendero_csrf=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it("refuses a POST without the proof with 403, before any handler runs", async () => {
    reached = [];
    const { cookie } = await tokenCookie();
    const response = await post("name=x", { cookie });
    expect(response.status).toBe(403);
    // So that a device replaying a queued form can tell a stale proof from a refused right.
    expect(response.headers.get("sendero-csrf-refused")).toBe("1");
    expect(reached).toEqual([]);
  });

  it("refuses a proof that does not match the cookie", async () => {
    reached = [];
    const { cookie } = await tokenCookie();
    const other = await tokenCookie();
    expect((await post(`_csrf=${other.token}&name=x`, { cookie })).status).toBe(403);
    expect(reached).toEqual([]);
  });

  it("refuses a matching proof sent from another site", async () => {
    reached = [];
    const { token, cookie } = await tokenCookie();
    expect((await post(`_csrf=${token}`, { cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await post(`_csrf=${token}`, { cookie, "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(reached).toEqual([]);
  });

  it("lets a same-site POST with the proof through, body intact", async () => {
    reached = [];
    const { token, cookie } = await tokenCookie();
    const response = await post(`_csrf=${token}&name=Ana`, { cookie, origin: base, "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(200);
    expect(reached).toEqual([`POST _csrf=${token}&name=Ana`]);
  });

  it("accepts the proof in a multipart form too", async () => {
    reached = [];
    const { token, cookie } = await tokenCookie();
    const body = new FormData();
    body.set("_csrf", token);
    const response = await fetch(`${base}/action`, { method: "POST", body, headers: { cookie } });
    expect(response.status).toBe(200);
  });

  it("refuses an oversized body with 413", async () => {
    const { token, cookie } = await tokenCookie();
    const response = await post(`_csrf=${token}&big=${"x".repeat(2000)}`, { cookie });
    expect(response.status).toBe(413);
  });

  it("lets an upload path take a larger body, and still limits it", async () => {
    const { token, cookie } = await tokenCookie();
    const send = (path: string, size: number) =>
      fetch(`${base}${path}`, { method: "POST", body: `_csrf=${token}&big=${"x".repeat(size)}`, headers: { "content-type": "application/x-www-form-urlencoded", cookie } });
    expect((await send("/upload", 3000)).status).toBe(200);
    expect((await send("/elsewhere", 3000)).status).toBe(413);
    expect((await send("/upload", 6000)).status).toBe(413);
  });
});
