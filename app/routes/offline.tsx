import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../utils/meta";

// What the device shows without a connection (app/utils/offline-save.ts): for an address it has
// not saved, or (?reason=connection) for an activity that needs the server. The device keeps a
// copy and may show it in place of any address, so it is plain HTML with no scripts (they would
// hydrate it as another page), carries nobody's data, and its links are ordinary links.
export const handle = { scripts: false };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "offline.title");

// The device fetches it again when it is online, to keep its copy current.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-cache" });

export default function OfflinePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const needsConnection = params.get("reason") === "connection";
  return (
    <div className="page narrow">
      <h1>{t("offline.title")}</h1>
      {needsConnection ? (
        <>
          <p className="lead">{t("offline.connectionLead")}</p>
          <p>{t("offline.connectionWhy")}</p>
          <p className="notice">{t("offline.notLost")}</p>
          <p>{t("offline.whileWaiting")}</p>
        </>
      ) : (
        <>
          <p className="lead">{t("offline.notSaved")}</p>
          <p>{t("offline.savedCourses")}</p>
        </>
      )}
      <p>
        <a href="/learn">{t("offline.toCourses")}</a>
      </p>
    </div>
  );
}
