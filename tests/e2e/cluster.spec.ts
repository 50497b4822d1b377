import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startPostgres } from "../setup/postgres";
import { startServer } from "./helpers/server";

// WEB_CONCURRENCY=2: one port served by two worker processes (node:cluster) on PostgreSQL,
// and one SIGTERM stops them all cleanly.
test("two workers share the port and all stop cleanly on SIGTERM", async () => {
  test.setTimeout(120_000);
  const pg = await startPostgres();
  try {
    const server = await startServer(3203, { DATABASE_URL: pg.url, WEB_CONCURRENCY: "2" });
    const primary = server.pid;
    const workers = () => readFileSync(`/proc/${primary}/task/${primary}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    await expect.poll(() => workers().length, { timeout: 30_000 }).toBe(2);
    const running = workers();
    for (let i = 0; i < 10; i++) expect((await fetch(`${server.url}/login`)).status).toBe(200);
    expect(await server.stop(), server.recentLog()).toBe(0);
    const alive = running.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  } finally {
    pg.stop();
  }
});
