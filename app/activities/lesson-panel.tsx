import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Sources } from "./sources";
import { CsrfField } from "../components/csrf-field";
import type { LessonPage } from "./lesson.server";

/** A lesson's text and sources, then "done, next" (or a note that it is done). */
export function LessonPanel({ lesson, done, hasNext }: { lesson: LessonPage; done: boolean; hasNext: boolean }) {
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
          <button type="submit" className="button-primary" disabled={busy}>
            {hasNext ? t("lesson.doneNext") : t("lesson.doneFinish")}
          </button>
        </Form>
      )}
    </>
  );
}
