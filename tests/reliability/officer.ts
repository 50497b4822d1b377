import { filledFields, postForms } from "./page-forms";

/** What one acknowledged write was: the server answered it with its success redirect. */
export type Acknowledged =
  | { kind: "completion"; personId: string; courseId: string; itemId: string }
  | { kind: "answer"; personId: string; courseId: string; quizId: string; token: string };

/** Counters shared by every simulated officer of a run. */
export class RunLog {
  requests = 0;
  gets = 0;
  posts = 0;
  networkErrors = 0;
  /** Every 5xx, with when it happened (ms since the run started) and its status. */
  serverErrors: { at: number; status: number; path: string }[] = [];
  acknowledged: Acknowledged[] = [];
  /** Officers whose quiz attempt was open when a fault hit, and whether it carried on afterwards. */
  attemptsAcrossFaults = 0;
  attemptsNotResumed: string[] = [];
  readonly startedAt = Date.now();
}

export interface ItemPlan {
  id: string;
  kind: "lesson" | "quiz";
}

const CSRF = "r".repeat(43);

interface Answer {
  status: number;
  location: string;
  text: string;
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One officer working through items of a course in a browser without JavaScript: GET a page,
 * POST its form, follow the redirect. When a request fails (server killed, database down) the
 * officer waits and reloads the page, and carries on from what the server shows — as a person
 * would. Gives up only after `patienceMs` without a single successful request.
 */
export async function simulateOfficer(options: {
  baseUrl: () => string;
  personId: string;
  sessionCookie: string;
  courseId: string;
  items: ItemPlan[];
  log: RunLog;
  /** Increases each time a fault (kill, database stop) is injected; read to spot attempts spanning one. */
  faultCount: () => number;
  patienceMs?: number;
}): Promise<void> {
  const { log, courseId, personId } = options;
  const cookie = `${options.sessionCookie}; sendero_csrf=${CSRF}`;
  let lastSuccess = Date.now();
  const patience = options.patienceMs ?? 60_000;

  /** One request, its body read in full; null when it failed (5xx, cut off, timed out). */
  async function request(path: string, body?: URLSearchParams): Promise<Answer | null> {
    if (Date.now() - lastSuccess > patience) throw new Error(`officer ${personId} gave up at ${path}`);
    log.requests++;
    if (body) log.posts++;
    else log.gets++;
    try {
      const response = await fetch(options.baseUrl() + path, {
        method: body ? "POST" : "GET",
        headers: { cookie, ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      if (response.status >= 500) {
        log.serverErrors.push({ at: Date.now() - log.startedAt, status: response.status, path });
        return null;
      }
      lastSuccess = Date.now();
      return { status: response.status, location: response.headers.get("location") ?? "", text };
    } catch {
      log.networkErrors++;
      return null;
    }
  }

  async function page(path: string): Promise<string> {
    for (;;) {
      const response = await request(path);
      if (response?.status === 200) return response.text;
      if (response) throw new Error(`GET ${path} answered ${response.status}`);
      await pause(250 + Math.random() * 500);
    }
  }

  for (const item of options.items) {
    const path = `/learn/${courseId}/${item.id}`;
    if (item.kind === "lesson") {
      for (;;) {
        const form = postForms(await page(path)).find((f) => f.className.includes("complete-form"));
        if (!form) break; // already done (an earlier POST went through without its answer reaching us)
        const fields = new URLSearchParams({ _csrf: CSRF });
        const response = await request(path, fields);
        if (response?.status === 302) {
          log.acknowledged.push({ kind: "completion", personId, courseId, itemId: item.id });
          break;
        }
        if (response) throw new Error(`completing ${path} answered ${response.status}`);
        await pause(250 + Math.random() * 500);
      }
      continue;
    }
    // A quiz: start one attempt, answer every question, submit, and stop at the results.
    let attemptSeen = false;
    let faultsAtStart = -1;
    for (let step = 0; step < 200; step++) {
      const html = await page(path);
      if (/class="result result-/.test(html)) break; // the attempt is finished and scored
      const forms = postForms(html);
      const byIntent = (intent: string) => forms.find((f) => f.hidden.intent === intent);
      const form = byIntent("answer") ?? byIntent("next") ?? byIntent("review") ?? byIntent("submit") ?? byIntent("start");
      if (!form) throw new Error(`quiz page ${path} offers no step`);
      const intent = form.hidden.intent;
      if (intent === "start" && attemptSeen) {
        // An attempt was under way and is gone without results: it did not survive a fault.
        log.attemptsNotResumed.push(personId);
        break;
      }
      if (intent !== "start" && !attemptSeen) {
        attemptSeen = true;
        faultsAtStart = options.faultCount();
      }
      const fields = filledFields(form);
      fields.set("_csrf", CSRF);
      const response = await request(path, fields);
      if (response?.status === 302) {
        if (intent === "answer" && !response.location.includes("stale=1")) {
          log.acknowledged.push({ kind: "answer", personId, courseId, quizId: item.id, token: form.hidden.token ?? "" });
        }
      } else if (response) {
        throw new Error(`quiz step ${intent} on ${path} answered ${response.status}`);
      } else {
        await pause(250 + Math.random() * 500);
      }
    }
    if (faultsAtStart >= 0 && options.faultCount() > faultsAtStart) log.attemptsAcrossFaults++;
  }

}
