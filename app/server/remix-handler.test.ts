import express from "express";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { writeBody } from "./remix-handler";

// A streamed body (an export) must wait for a slow client instead of piling up in memory, and
// stop being produced when the client goes away.
let server: http.Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe("streaming a response body", () => {
  it("reads on only as fast as the client takes it, and cancels the body when the client leaves", async () => {
    const chunk = new Uint8Array(256 * 1024);
    let pulled = 0;
    let cancelled = false;
    const app = express();
    app.get("/", (_req, res) => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          if (pulled > 2000) controller.close();
          else controller.enqueue(chunk);
        },
        cancel() {
          cancelled = true;
        },
      });
      void writeBody(body, res);
    });
    server = app.listen(0);
    const { port } = server.address() as AddressInfo;

    const request = http.get({ port, path: "/" });
    const response = await new Promise<http.IncomingMessage>((resolve) => request.once("response", resolve));
    response.pause(); // a client that does not read
    await new Promise((r) => setTimeout(r, 400));
    // 2000 chunks would be 500 MB; only what fits the socket buffers has been read.
    expect(pulled).toBeLessThan(100);

    request.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect(cancelled).toBe(true);
  });
});
