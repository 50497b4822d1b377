import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { courseView } from "../content/course-view.server";
import { LockReasons } from "./lock-reasons";

type ModuleView = ReturnType<typeof courseView>["modules"][number];

/**
 * A course's modules as a path, each item with its state and, when locked, why: the officer's
 * course page and the coordinator's learner page give the same explanation.
 */
export function ModulePath({ modules, heading: Heading, itemHref, showMinutes }: { modules: ModuleView[]; heading: "h2" | "h4"; itemHref?: (itemId: string) => string; showMinutes: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className="module-list">
      {modules.map((m, index) => (
        <li key={m.id} className="module">
          <Heading>
            <span className="module-number">{t("course.moduleNumber", { number: index + 1 })}</span> {m.title}
          </Heading>
          {m.locks.length ? <LockReasons reasons={m.locks} /> : null}
          <ol className="item-list">
            {m.items.map((item) => (
              <li key={item.id} className={`item item-${item.state}`}>
                <span className="item-state">{t(`course.state.${item.state}`)}</span>
                {itemHref && item.state !== "locked" ? (
                  <Link to={itemHref(item.id)} className="item-title">
                    {item.title}
                  </Link>
                ) : (
                  <span className="item-title">{item.title}</span>
                )}
                <span className="item-meta">
                  {t(`course.kind.${item.kind}`)}
                  {showMinutes ? ` · ${t("course.minutes", { count: item.minutes })}` : null}
                  {item.optional ? ` · ${t("course.optional")}` : null}
                </span>
                {item.reasons.length ? <LockReasons reasons={item.reasons} /> : null}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}

/** "Why is this not complete?": the required items still to do, by title. */
export function WhyNotComplete({ remaining }: { remaining: string[] }) {
  const { t } = useTranslation();
  return (
    <details className="why">
      <summary>{t("course.whyNotComplete")}</summary>
      <p>{t("course.remaining", { count: remaining.length })}</p>
      <ul>
        {remaining.map((title) => (
          <li key={title}>{title}</li>
        ))}
      </ul>
    </details>
  );
}
