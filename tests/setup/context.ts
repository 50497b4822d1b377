import type { AppLoadContext } from "@remix-run/node";
import type { DB } from "../../db/client";
import { loadConfig } from "../../app/config.server";
import { createSession } from "../../app/models/session.server";

export const testConfig = loadConfig({ NODE_ENV: "test", DATA_DIR: "memory://" });

/** The load context the server would hand a loader or action, on a test database. */
export function testContext(db: DB, overrides: Partial<AppLoadContext> = {}): AppLoadContext {
  return {
    db,
    config: testConfig,
    content: { courses: new Map() },
    requestId: "test-request",
    cspNonce: "test-nonce",
    csrfToken: "test-csrf",
    clientAddress: "192.0.2.1",
    ...overrides,
  };
}

/** A request carrying a fresh session cookie of this person. */
export async function signedInRequest(db: DB, personId: string, url: string, init: RequestInit = {}): Promise<Request> {
  const { token } = await createSession(db, personId, { idleMs: testConfig.sessionIdleMs, maxMs: testConfig.sessionMaxMs }, "vitest");
  const headers = new Headers(init.headers);
  headers.set("cookie", `sendero_session=${token}`);
  return new Request(new URL(url, "http://sendero.test"), { ...init, headers });
}

export function anonymousRequest(url: string, init: RequestInit = {}): Request {
  return new Request(new URL(url, "http://sendero.test"), init);
}

/** Runs a loader or action and returns what it returned or threw, as a Response. */
export async function outcome(run: () => Promise<unknown>): Promise<Response> {
  try {
    const value = await run();
    return value instanceof Response ? value : new Response(JSON.stringify(value), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
