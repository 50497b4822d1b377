import autocannon, { type Request } from "autocannon";
import { firstPostForm } from "./forms";
import { sampleRss } from "./server";
import type { Account } from "./sign-in";

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, timeouts and 4xx/5xx answers. */
  errors: number;
  non2xx: number;
  /** For form flows: POSTs answered "your page was out of date" (another tab/connection moved on). */
  stale?: number;
  /** For form flows: every account had used up its forms before the run's time was over (it ended then). */
  ranOutOfAccounts?: boolean;
  rss: { maxPerProcessMb: number; totalMb: number; processes: number; cpuCores: number; dbCpuCores: number | null };
}

export interface LoadRun {
  url: string;
  path: string;
  connections: number;
  seconds: number;
  serverPid: number;
  /** The PostgreSQL server's pid, to count its CPU too (none for PGlite: it is in the server). */
  databasePid?: number | undefined;
  accounts?: Account[];
  method?: string;
  body?: (csrf: string) => string;
}

/** Accounts handed out round-robin; a connection takes the next one for every request. */
function rotation(accounts: Account[]) {
  let next = 0;
  const retired = new Set<Account>();
  return {
    take(): Account | undefined {
      for (let i = 0; i < accounts.length; i++) {
        const account = accounts[next++ % accounts.length]!;
        if (!retired.has(account)) return account;
      }
      return undefined;
    },
    retire: (account: Account) => retired.add(account),
  };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);
const round = (n: number) => Math.round(n * 100) / 100;

/** A bounded run of one request shape (GET or a POST with the account's CSRF token). */
export async function loadRequests(run: LoadRun): Promise<LoadResult> {
  const accounts = run.accounts && rotation(run.accounts);
  const request: Request = {
    method: run.method ?? "GET",
    path: run.path,
    setupRequest: (req) => {
      const account = accounts?.take();
      const headers: Record<string, string> = { ...(req.headers ?? {}) };
      if (account) headers.cookie = account.cookie;
      if (run.body) {
        headers["content-type"] = "application/x-www-form-urlencoded";
        return { ...req, headers, body: run.body(account?.csrf ?? "") };
      }
      return { ...req, headers };
    },
  };
  const rss = sampleRss(run.serverPid, 200, run.databasePid);
  const result = await autocannon({ url: run.url, connections: run.connections, duration: run.seconds, requests: [request], timeout: 10 });
  return {
    connections: run.connections,
    seconds: run.seconds,
    requests: result.requests.total,
    reqPerSec: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result["4xx"] + result["5xx"],
    non2xx: result.non2xx,
    rss: rss.stop(),
  };
}

/**
 * Rounds of "GET the page, POST its first form" per connection, as a browser without JavaScript
 * goes through a quiz. Throughput and latency are the POSTs' own (timed here); an account whose
 * page offers no form any more (all attempts used, or a waiting time) is set aside. When every
 * account is set aside the run ends early (its rates are over the time it ran), said in the result.
 */
export async function loadFormFlow(run: LoadRun & { accounts: Account[] }): Promise<LoadResult & { getsPerSec: number }> {
  const accounts = rotation(run.accounts);
  const posts: number[] = [];
  let errors = 0;
  let stale = 0;
  let non2xx = 0;
  let ranOutOfAccounts = false;
  const requests: Request[] = [
    {
      method: "GET",
      path: run.path,
      setupRequest: (req, context) => {
        const account = accounts.take();
        context.account = account;
        if (!account) {
          // autocannon throws (and the process dies) when the first request of a round cannot be
          // built, so the connection asks for the health check until the run has stopped.
          if (!ranOutOfAccounts) setImmediate(() => instance.stop());
          ranOutOfAccounts = true;
          const anonymous: Record<string, string> = {};
          return { ...req, path: "/healthz", headers: anonymous };
        }
        return { ...req, headers: { cookie: account.cookie } };
      },
      onResponse: (status, body, context) => {
        if (!context.account) return void (context.form = null);
        if (status !== 200) errors++;
        context.form = firstPostForm(body);
      },
    },
    {
      method: "POST",
      path: run.path,
      setupRequest: (req, context) => {
        const form = context.form as ReturnType<typeof firstPostForm>;
        const account = context.account as Account | undefined;
        if (!form || !account) {
          if (account) accounts.retire(account);
          return null;
        }
        context.sentAt = performance.now();
        return { ...req, path: form.action ?? run.path, headers: { cookie: account.cookie, "content-type": "application/x-www-form-urlencoded" }, body: form.body };
      },
      onResponse: (status, _body, context, headers) => {
        posts.push(performance.now() - (context.sentAt as number));
        if (status >= 400) errors++;
        if (status < 200 || status >= 300) non2xx++;
        if (String(headers.location ?? "").includes("stale=1")) stale++;
      },
    },
  ];
  const rss = sampleRss(run.serverPid, 200, run.databasePid);
  const instance = autocannon({ url: run.url, connections: run.connections, duration: run.seconds, requests, timeout: 10 });
  const result = await instance;
  const sorted = [...posts].sort((a, b) => a - b);
  const seconds = result.duration || run.seconds;
  return {
    connections: run.connections,
    seconds: run.seconds,
    requests: posts.length,
    reqPerSec: round(posts.length / seconds),
    getsPerSec: round((result.requests.total - posts.length) / seconds),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    errors: errors + result.errors + result.timeouts,
    non2xx,
    stale,
    ranOutOfAccounts,
    rss: rss.stop(),
  };
}
