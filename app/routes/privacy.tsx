import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../utils/meta";

// The privacy notice (issue 21): public, no session, in the reader's language. Linked from the
// sign-in page, the invitation page and the account page. Nobody's data on it, so no loader.

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy.title");

const STORED = ["account", "password", "learning", "dialogue", "sessions", "groupWork", "notices", "certificates", "security", "device"] as const;
const WHO = ["you", "colleagues", "facilitators", "coordinators", "admins", "verify", "nobodyElse"] as const;

export default function PrivacyNotice() {
  const { t } = useTranslation();
  return (
    <div className="page narrow">
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.lead")}</p>
      <section aria-labelledby="privacy-no-migrants">
        <h2 id="privacy-no-migrants">{t("privacy.noMigrants.title")}</h2>
        <p>{t("privacy.noMigrants.body")}</p>
      </section>
      <section aria-labelledby="privacy-stored">
        <h2 id="privacy-stored">{t("privacy.stored.title")}</h2>
        <ul>
          {STORED.map((key) => (
            <li key={key}>{t(`privacy.stored.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="privacy-who">
        <h2 id="privacy-who">{t("privacy.who.title")}</h2>
        <ul>
          {WHO.map((key) => (
            <li key={key}>{t(`privacy.who.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="privacy-retention">
        <h2 id="privacy-retention">{t("privacy.retention.title")}</h2>
        <p>{t("privacy.retention.body")}</p>
      </section>
      <section aria-labelledby="privacy-export">
        <h2 id="privacy-export">{t("privacy.export.title")}</h2>
        <p>{t("privacy.export.body")}</p>
        <p>
          <Link to="/account#my-data">{t("privacy.export.account")}</Link>
        </p>
      </section>
      <section aria-labelledby="privacy-erasure">
        <h2 id="privacy-erasure">{t("privacy.erasure.title")}</h2>
        <p>{t("privacy.erasure.body")}</p>
      </section>
      <p>{t("privacy.questions")}</p>
    </div>
  );
}
