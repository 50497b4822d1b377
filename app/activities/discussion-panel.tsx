import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A discussion item: the question, and the way to the cohort's conversation about it. */
export function DiscussionPanel({ discussion, done }: { discussion: { prompt: string; path: string | null }; done: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="lesson-body" aria-labelledby="discussion-prompt">
      <h2 id="discussion-prompt">{t("dialogue.discussion.promptHeading")}</h2>
      <p dir="auto">{discussion.prompt}</p>
      {discussion.path ? (
        <>
          {done ? null : <p>{t("dialogue.discussion.howToComplete")}</p>}
          <p>
            <Link to={`${discussion.path}#reply`} className="button-primary">
              {t("dialogue.discussion.goToThread")}
            </Link>
          </p>
        </>
      ) : (
        <p className="notice">{t("dialogue.discussion.noCohort")}</p>
      )}
    </section>
  );
}
