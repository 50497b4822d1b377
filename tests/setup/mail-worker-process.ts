// One "server process" for tests/integration/mail-outbox.test.ts: its own PostgreSQL pool and
// mail worker on the shared outbox, running until nothing is left to send, then exiting.
import { createDb } from "../../db/client";
import { createMailTransport } from "../../app/mail/transport.server";
import { createMailWorker } from "../../app/mail/worker.server";
import { createLogger } from "../../app/server/log";

const db = createDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
const log = createLogger("error", (line) => process.stderr.write(`${line}\n`));
const transport = createMailTransport({ smtpUrl: process.env.SMTP_URL, from: "Sendero <no-reply@sendero.test>", log });
const worker = createMailWorker({ db, transport, log, pollMs: 20, firstRetryMs: 50, maxAttempts: 5, batchSize: 2 });
let tried = 0;
let idle = 0;
// Say it is ready, then wait for the go signal (stdin), so both processes start sending together.
process.stdout.write("ready\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
while (idle < 10) {
  const n = await worker.runOnce();
  tried += n;
  idle = n === 0 ? idle + 1 : 0;
  if (n === 0) await new Promise((r) => setTimeout(r, 20));
}
transport.close();
await db.destroy();
process.stdout.write(JSON.stringify({ tried }));
