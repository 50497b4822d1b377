import { BENCH_PASSWORD } from "./data-folder";

/** A signed-in browser's cookies (session + CSRF) and the CSRF token its forms carry. */
export interface Account {
  email: string;
  cookie: string;
  csrf: string;
}

function cookiesOf(response: Response, into: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    into.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

/**
 * Signs in through the real sign-in form (GET /login for the CSRF cookie, POST /login), as a
 * browser without JavaScript does. Works the same on both engines and costs one argon2id
 * verification per account, paid before any measured run.
 */
export async function signIn(baseUrl: string, email: string): Promise<Account> {
  const jar = new Map<string, string>();
  const page = await fetch(`${baseUrl}/login`, { redirect: "manual" });
  cookiesOf(page, jar);
  await page.arrayBuffer();
  const csrf = [...jar.entries()].find(([name]) => name.endsWith("sendero_csrf"))?.[1];
  if (!csrf) throw new Error("no CSRF cookie from /login");
  const cookieHeader = () => [...jar.entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ _csrf: csrf, email, password: BENCH_PASSWORD, redirectTo: "" }).toString(),
  });
  await response.arrayBuffer();
  if (response.status !== 302) throw new Error(`sign-in of ${email} answered ${response.status}`);
  cookiesOf(response, jar);
  return { email, cookie: cookieHeader(), csrf };
}

/** Signs in many accounts, a few at a time (each costs an argon2id verification on the server). */
export async function signInAll(baseUrl: string, emails: string[], parallel = 4): Promise<Account[]> {
  const accounts: Account[] = [];
  for (let i = 0; i < emails.length; i += parallel) {
    accounts.push(...(await Promise.all(emails.slice(i, i + parallel).map((e) => signIn(baseUrl, e)))));
  }
  return accounts;
}
