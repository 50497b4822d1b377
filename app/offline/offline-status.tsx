import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { DELIVERED_KEY, PAGES_CACHE, REFUSED_KEY, savedCourses } from "./protocol";
import { SignOutConfirm } from "./sign-out-confirm";
import { askWorker, onWorkerMessage, tellWorker } from "./worker.client";

/**
 * What every page says about the connection once a service worker serves it (a course was
 * saved): offline, and that this is the saved copy; a form that was not sent (it stays on the
 * page); lessons marked done offline, once sent; any the server refused. Also asks the worker
 * to send what waits, on each visit and when the connection comes back. Loaded by root.tsx only
 * for pages a worker controls.
 */
export default function OfflineStatus() {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [offline, setOffline] = useState(!navigator.onLine);
  // Loaded without a connection, the page can only be the saved copy; loaded live, it is not.
  const [savedCopy] = useState(!navigator.onLine);
  // The live regions are in the page before their first text, or screen readers may not say it.
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSpeaking(true), 250);
    return () => clearTimeout(timer);
  }, []);
  const [notice, setNotice] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ url: string; title: string | undefined }[]>([]);
  const [signOut, setSignOut] = useState<{ count: number; form: HTMLFormElement } | null>(null);
  /** The sign-out form being sent again once it was asked about (the guard lets it through). */
  const confirmed = useRef<HTMLFormElement | null>(null);

  function submitConfirmed(form: HTMLFormElement) {
    confirmed.current = form;
    try {
      form.requestSubmit();
    } finally {
      confirmed.current = null;
    }
  }

  /**
   * Signs out if the server can be reached; if not, the person's saved pages and queue go at
   * once and the page says signing out itself waits for a connection. Asked of the network, not
   * of navigator.onLine: that says "online" on a Wi-Fi with no way out, and Chromium said so on
   * a saved page loaded while offline.
   */
  async function signOutIfReachable(form: HTMLFormElement) {
    if (await serverReachable()) return submitConfirmed(form);
    tellWorker({ type: "clear" });
    setAlert(t("offlineStatus.signOutOffline"));
  }

  useEffect(() => {
    const csrf = () => document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value;
    const replay = () => navigator.onLine && tellWorker({ type: "replay", csrf: csrf() });
    const wentOffline = () => setOffline(true);
    const cameBack = () => {
      setOffline(false);
      // "Not sent" was about the lost connection; with it back the person can send again.
      setAlert(null);
      replay();
    };
    // Offline, a form other than a saved lesson's stays on the page, with what was typed in it.
    const guard = (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement;
      if (form.method.toLowerCase() !== "post") return;
      const signOut = new URL(form.action, location.href).pathname === "/logout";
      const stop = () => {
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      if (signOut) {
        // Let through once asked about and the server found reachable.
        if (confirmed.current === form) return;
        stop();
        // Signing out deletes the lessons still waiting on the device: asked first when there are any.
        void askWorker({ type: "queue" }).then((answer) => {
          const count = answer?.type === "queue" ? answer.queued.length : 0;
          if (count) setSignOut({ count, form });
          else void signOutIfReachable(form);
        });
        return;
      }
      if (navigator.onLine || form.elements.namedItem("offlineToken")) return;
      stop();
      setAlert(t("offlineStatus.notSent"));
    };
    window.addEventListener("offline", wentOffline);
    window.addEventListener("online", cameBack);
    document.addEventListener("submit", guard, true);
    const unsubscribe = onWorkerMessage((message) => {
      if (message.type === "not-sent") setAlert(t("offlineStatus.notSent"));
      if (message.type === "replayed") {
        void showDelivered();
        if (message.refused.length) void readRefused().then(setRefused);
      }
    });
    // Sent while this page loaded, or while no page was open (Background Sync): said once, and
    // the page's data read again so that it shows them done.
    const showDelivered = async () => {
      const count = await takeDelivered();
      if (!count) return;
      setNotice(t("offlineStatus.sent", { count }));
      revalidator.revalidate();
    };
    replay();
    void showDelivered();
    void readRefused().then(setRefused);
    return () => {
      window.removeEventListener("offline", wentOffline);
      window.removeEventListener("online", cameBack);
      document.removeEventListener("submit", guard, true);
      unsubscribe();
    };
    // Once per page load: the revalidator and t are stable enough for what they do here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function dismissRefused() {
    await (await caches.open(PAGES_CACHE)).delete(REFUSED_KEY);
    setRefused([]);
    // The button is gone with the list: focus goes to the page's content.
    document.getElementById("main")?.focus();
  }

  return (
    <div className="offline-status">
      {signOut ? (
        <SignOutConfirm
          count={signOut.count}
          onStay={() => setSignOut(null)}
          onSignOut={() => {
            setSignOut(null);
            void signOutIfReachable(signOut.form);
          }}
        />
      ) : null}
      <div role="status">
        {speaking && offline ? <p className="notice">{savedCopy ? t("offlineStatus.offline") : t("offlineStatus.offlineLive")}</p> : null}
        {speaking && notice ? <p className="notice">{notice}</p> : null}
      </div>
      <div role="alert">{speaking && alert ? <p className="alert">{alert}</p> : null}</div>
      {/* Shown on every page until dismissed, so not an alert that interrupts each time. */}
      <div>
        {refused.length ? (
          <div className="alert">
            <p>{t("offlineStatus.refused", { count: refused.length })}</p>
            <ul>
              {refused.map((r) => (
                <li key={r.url}>
                  <a href={r.url}>{r.title ?? t("offlineStatus.untitledLesson")}</a>
                </li>
              ))}
            </ul>
            <button type="button" className="button-secondary" onClick={() => void dismissRefused()}>
              {t("offlineStatus.dismiss")}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** Whether the server answers at all (any status): the worker passes this request to the network. */
async function serverReachable(): Promise<boolean> {
  try {
    await fetch("/healthz", { cache: "no-store", signal: AbortSignal.timeout(8000) });
    return true;
  } catch {
    return false;
  }
}

/** The refused lessons the worker kept, with their titles from the saved courses' records. */
async function readRefused(): Promise<{ url: string; title: string | undefined }[]> {
  const cache = await caches.open(PAGES_CACHE);
  const urls = ((await (await cache.match(REFUSED_KEY))?.json()) ?? []) as string[];
  if (!urls.length) return [];
  const titles: Record<string, string> = Object.assign({}, ...(await savedCourses()).map((course) => course.titles));
  // A course removed since (or saved before titles were kept) has none: never show a raw address.
  return urls.map((url) => ({ url, title: titles[url] }));
}

/** The number of lessons delivered since a page last said so; saying it resets it. */
async function takeDelivered(): Promise<number> {
  const cache = await caches.open(PAGES_CACHE);
  const count = Number((await (await cache.match(DELIVERED_KEY))?.text()) ?? 0);
  if (count) await cache.delete(DELIVERED_KEY);
  return count;
}
