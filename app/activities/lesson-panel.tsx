import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Sources } from "./sources";
import { CsrfField } from "../components/csrf-field";
import type { OfflineSave } from "../utils/offline-save";
import type { LessonPage } from "./lesson.server";

/**
 * A lesson's text and sources, then "done, next" (or a note that it is done). A copy saved for
 * reading offline adds the fields the device queues with the form until it is online again.
 */
export function LessonPanel({ lesson, done, hasNext, offline = null }: { lesson: LessonPage; done: boolean; hasNext: boolean; offline?: OfflineSave | null }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      {lesson.fallback ? <p className="notice">{t("lesson.shownInSpanish")}</p> : null}
      <article className="lesson-body" lang={lesson.locale} dangerouslySetInnerHTML={{ __html: lesson.html }} />
      <Sources sources={lesson.sources} lang={lesson.locale} />
      {done ? null : (
        <Form method="post" className="complete-form">
          <CsrfField />
          {offline ? (
            <>
              <input type="hidden" name="offlineToken" value={offline.token} />
              <input type="hidden" name="offlineNext" value={offline.next ?? ""} />
            </>
          ) : null}
          <button type="submit" className="button-primary" disabled={busy}>
            {hasNext ? t("lesson.doneNext") : t("lesson.doneFinish")}
          </button>
        </Form>
      )}
    </>
  );
}
