import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { QueuedCompletion, SavedCourse } from "../offline/protocol";
import { askWorker, offlineSupported, onWorkerMessage } from "../offline/worker.client";

type State =
  | { step: "unknown" }
  | { step: "idle"; saved: SavedCourse | null }
  | { step: "saving"; done: number; total: number; saved: SavedCourse | null }
  | { step: "failed"; reason: string; saved: SavedCourse | null };

/**
 * "Save this course for offline use" on the course page: what is saved, when, how much space
 * it takes, "remove", and the lessons marked done offline that wait for the connection. Shown
 * only where the browser can keep pages (it needs JavaScript and a service worker); the saving
 * code is loaded when it is first needed.
 */
export function OfflineSave({ courseId, contentVersion }: { courseId: string; contentVersion: string }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ step: "unknown" });
  const [queued, setQueued] = useState<QueuedCompletion[]>([]);
  const [online, setOnline] = useState(true);
  const saved = state.step === "unknown" ? null : state.saved;
  /** Said by the always-mounted live region: the start and the end of a save, not each step. */
  const [announced, setAnnounced] = useState("");
  const saveButton = useRef<HTMLButtonElement>(null);
  const stale = Boolean(saved && saved.contentVersion !== contentVersion);

  useEffect(() => {
    if (!offlineSupported()) return;
    setOnline(navigator.onLine);
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    const refreshQueue = () => void askWorker({ type: "queue" }).then((answer) => answer?.type === "queue" && setQueued(answer.queued));
    const unsubscribe = onWorkerMessage((message) => message.type === "replayed" && refreshQueue());
    refreshQueue();
    // Nothing is saved where no worker was ever installed: the reading code is fetched only then.
    void navigator.serviceWorker
      .getRegistration()
      .then((registration) => (registration ? import("../offline/saved-course.client").then(({ readSavedCourse }) => readSavedCourse(courseId)) : null))
      .then((found) => setState({ step: "idle", saved: found }));
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
      unsubscribe();
    };
  }, [courseId]);

  // A saved copy older than the course is saved again as soon as the page is seen online.
  useEffect(() => {
    if (stale && online && state.step === "idle") void save();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- save reads the state it replaces
  }, [stale, online, state.step]);

  async function save() {
    const { saveCourse, SaveFailed } = await import("../offline/saved-course.client");
    setState({ step: "saving", done: 0, total: 1, saved });
    setAnnounced(t("offlineSave.saving"));
    try {
      const record = await saveCourse(courseId, (done, total) => setState({ step: "saving", done, total, saved }));
      setState({ step: "idle", saved: record });
      setAnnounced(t("offlineSave.done"));
    } catch (error) {
      setAnnounced("");
      setState({ step: "failed", reason: error instanceof SaveFailed ? error.reason : "storage", saved });
    }
  }

  async function remove() {
    const { removeCourse } = await import("../offline/saved-course.client");
    await removeCourse(courseId);
    setState({ step: "idle", saved: null });
    // "Remove" is gone with the copy: focus goes to the button that saves it again.
    saveButton.current?.focus();
  }

  if (state.step === "unknown") return null;
  const ours = queued.filter((q) => q.url.startsWith(`/learn/${courseId}/`));
  const size = new Intl.NumberFormat(i18n.language, { style: "unit", unit: (saved?.bytes ?? 0) >= 1e6 ? "megabyte" : "kilobyte", maximumFractionDigits: 1 });
  const bytes = saved?.bytes ?? 0;
  const when = saved ? new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(saved.savedAt)) : "";
  return (
    <section className="offline-save" aria-labelledby="offline-save-heading">
      <h2 id="offline-save-heading">{t("offlineSave.heading")}</h2>
      {saved ? (
        <p>
          {t("offlineSave.savedOn", { when, size: size.format(bytes >= 1e6 ? bytes / 1e6 : bytes / 1e3) })}
        </p>
      ) : (
        <p>{t("offlineSave.explain")}</p>
      )}
      <p role="status" className="visually-hidden">
        {announced}
      </p>
      {ours.length ? (
        <div>
          <p>{t("offlineSave.queued", { count: ours.length })}</p>
          <ul>
            {ours.map((q) => (
              <li key={q.url}>{saved?.titles[q.url] ?? t("offlineStatus.untitledLesson")}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.step === "saving" ? (
        <p>
          <progress max={state.total} value={state.done} aria-label={t("offlineSave.saving")} /> {t("offlineSave.progress", { done: state.done, total: state.total })}
        </p>
      ) : null}
      {state.step === "failed" ? (
        <p className="alert" role="alert">
          {t(`offlineSave.errors.${state.reason}`)}
        </p>
      ) : null}
      <p className="actions">
        <button
          type="button"
          ref={saveButton}
          className="button-secondary"
          onClick={() => void save()}
          disabled={state.step === "saving" || !online}
          aria-describedby={online ? undefined : "offline-save-needs-connection"}
        >
          {saved ? t("offlineSave.update") : t("offlineSave.save")}
        </button>
        {saved ? (
          <button type="button" className="button-secondary" onClick={() => void remove()} disabled={state.step === "saving"}>
            {t("offlineSave.remove")}
          </button>
        ) : null}
      </p>
      {online ? null : <p id="offline-save-needs-connection">{t("offlineSave.needsConnection")}</p>}
    </section>
  );
}
