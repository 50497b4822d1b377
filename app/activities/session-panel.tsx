import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Sources } from "./sources";
import { CsrfField } from "../components/csrf-field";
import { Field, TextareaField } from "../components/field";
import { isLocale, LOCALE_NAMES } from "../i18n/locales";
import type { SessionPage } from "./session.server";

interface Props {
  session: SessionPage;
  done: boolean;
  error: string | null;
  values: Record<string, string | string[]>;
}

/** A presentation by an expert: the live session in the person's own time, the recording, the transcript, the reflection. */
export function SessionPanel({ session, done, error, values }: Props) {
  const { t } = useTranslation();
  // Each form's error is shown at that form: the value sent back says which one it was.
  const checkinError = error && "code" in values ? error : null;
  const reflectionError = error && "reflection" in values ? error : null;
  const otherError = error && !checkinError && !reflectionError ? error : null;
  return (
    <>
      {otherError ? (
        <p className="alert" role="alert">
          {t(otherError)}
        </p>
      ) : null}
      <p className="session-speaker">
        {t("session.speaker", { name: session.speaker.name, organisation: session.speaker.organisation })}
      </p>
      <p className="lead">{session.summary}</p>
      <LiveSession session={session} done={done} error={checkinError} code={typeof values.code === "string" ? values.code : ""} />
      {session.recording ? <Recording recording={session.recording} /> : null}
      <section className="transcript" aria-labelledby="transcript-heading">
        <h2 id="transcript-heading">{t("session.transcript")}</h2>
        {session.transcript.fallback ? <p className="notice">{t("lesson.shownInSpanish")}</p> : null}
        <article className="lesson-body" lang={session.transcript.locale} dangerouslySetInnerHTML={{ __html: session.transcript.html }} />
      </section>
      <Sources sources={session.sources} />
      {session.completion === "attended-or-reflection" ? (
        <Reflection reflection={session.reflection} done={done} error={reflectionError} typed={typeof values.reflection === "string" ? values.reflection : null} />
      ) : null}
    </>
  );
}

function LiveSession({ session, done, error, code }: { session: SessionPage; done: boolean; error: string | null; code: string }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { live } = session;
  return (
    <section className="session-live" aria-labelledby="live-heading">
      <h2 id="live-heading">{t("session.live.heading")}</h2>
      {live ? (
        <>
          <p className="session-when">
            <strong>{live.date}</strong>, {t("session.live.fromTo", { start: live.time, end: live.endTime })} <span className="session-zone">({live.zone})</span>
          </p>
          <p className="hint">
            {live.zoneChosen ? t("session.live.zoneChosen") : t("session.live.zoneDefault", { cohort: live.cohortName })} <Link to="/account#time-zone">{t("session.live.changeZone")}</Link>
          </p>
          <ul className="session-links">
            {live.meetingUrl ? (
              <li>
                <a href={live.meetingUrl} rel="noopener noreferrer" target="_blank">
                  {t("session.live.join")}
                </a>{" "}
                <span className="hint">{t("session.live.externalTool")}</span>
              </li>
            ) : null}
            <li>
              <a href={live.icsHref} download>
                {t("session.live.addToCalendar")}
              </a>
            </li>
          </ul>
          {live.capacity !== null ? <p>{t("session.live.places", { taken: live.attendees, capacity: live.capacity })}</p> : null}
          {live.attended ? (
            <>
              <p className="notice" role="status">
                {t("session.live.attended")}
              </p>
              {done ? null : (
                <Form method="post">
                  <CsrfField />
                  <button type="submit" name="intent" value="confirm-attendance" className="button-primary" disabled={busy}>
                    {t("session.live.confirm")}
                  </button>
                </Form>
              )}
            </>
          ) : live.checkin === "open" ? (
            <Form method="post" className="checkin-form" noValidate>
              <CsrfField />
              <Field name="code" label={t("session.checkin.label")} hint={t("session.checkin.hint")} error={error ? t(error) : undefined} defaultValue={code} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={12} required />
              <button type="submit" name="intent" value="check-in" className="button-primary" disabled={busy}>
                {t("session.checkin.submit")}
              </button>
            </Form>
          ) : (
            <>
              {error ? (
                <p className="alert" role="alert">
                  {t(error)}
                </p>
              ) : null}
              <p className="hint">{live.checkin === "not-yet" ? t("session.checkin.notYet") : t("session.checkin.over")}</p>
            </>
          )}
        </>
      ) : (
        <p className="empty">{session.completion === "attended" ? t("session.live.noneRequired") : t("session.live.none")}</p>
      )}
    </section>
  );
}

function Recording({ recording }: { recording: NonNullable<SessionPage["recording"]> }) {
  const { t } = useTranslation();
  // content:check gives every recording captions in each published locale; without them the
  // transcript alone is shown.
  const [first, ...others] = recording.captions;
  if (!first) return null;
  const label = (locale: string) => (isLocale(locale) ? LOCALE_NAMES[locale] : locale);
  const more = others.map((c) => <track key={c.locale} kind="captions" srcLang={c.locale} label={label(c.locale)} src={c.src} />);
  return (
    <section className="session-recording" aria-labelledby="recording-heading">
      <h2 id="recording-heading">{t("session.recording")}</h2>
      {recording.media === "video" ? (
        <video controls preload="none" src={recording.url} crossOrigin="anonymous">
          <track kind="captions" srcLang={first.locale} label={label(first.locale)} src={first.src} default />
          {more}
        </video>
      ) : (
        <audio controls preload="none" src={recording.url} crossOrigin="anonymous">
          <track kind="captions" srcLang={first.locale} label={label(first.locale)} src={first.src} default />
          {more}
        </audio>
      )}
      <p className="hint">{t("session.recordingHint")}</p>
    </section>
  );
}

function Reflection({ reflection, done, error, typed }: { reflection: SessionPage["reflection"]; done: boolean; error: string | null; typed: string | null }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="session-reflection" aria-labelledby="reflection-heading">
      <h2 id="reflection-heading">{t("session.reflection.heading")}</h2>
      <p dir="auto">{reflection.prompt}</p>
      {reflection.saved && typed === null ? (
        <>
          <p className="hint">{t("session.reflection.saved")}</p>
          <blockquote dir="auto" className="reflection-saved">
            {reflection.saved}
          </blockquote>
        </>
      ) : null}
      {done && reflection.saved && typed === null ? null : (
        // The server's message (translated, with what was typed kept) rather than the browser's.
        <Form method="post" noValidate>
          <CsrfField />
          <TextareaField
            name="reflection"
            label={t("session.reflection.label")}
            hint={t("session.reflection.hint", { count: reflection.minChars })}
            error={error ? t(error, { count: reflection.minChars }) : undefined}
            defaultValue={typed ?? reflection.saved ?? ""}
            rows={6}
            minLength={reflection.minChars}
            required
          />
          <button type="submit" name="intent" value="reflect" className="button-primary" disabled={busy}>
            {done ? t("session.reflection.update") : t("session.reflection.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
