import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../i18n/locales";
import { CsrfField } from "./csrf-field";
import { NotificationsLink } from "./dialogue/notifications-link";
import { LanguageSwitcher } from "./language-switcher";

export interface HeaderUser {
  displayName: string;
  areas: { path: string; labelKey: string }[];
  unreadNotifications: number;
}

export function SiteHeader({ user, locale }: { user: HeaderUser | null; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          Sendero
        </Link>
        {user ? (
          <nav aria-label={t("nav.label")} className="site-nav">
            <ul>
              {user.areas.map((area) => (
                <li key={area.path}>
                  <NavLink to={area.path}>{t(area.labelKey)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="site-tools">
          {user ? (
            <>
              <NotificationsLink unread={user.unreadNotifications} />
              <Link to="/account" className="user-name" dir="auto">
                {user.displayName}
              </Link>
              <Form method="post" action="/logout">
                <CsrfField />
                <button type="submit" className="button-link">
                  {t("auth.signOut")}
                </button>
              </Form>
            </>
          ) : null}
          <LanguageSwitcher current={locale} />
        </div>
      </div>
    </header>
  );
}
