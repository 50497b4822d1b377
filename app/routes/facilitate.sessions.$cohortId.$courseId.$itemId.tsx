import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission, notFound } from "../auth/guards.server";
import { CsrfField } from "../components/csrf-field";
import { DataTable } from "../components/data-table";
import { DateText } from "../components/date-text";
import { Field, SelectField } from "../components/field";
import { Alert } from "../components/alert";
import { Notice } from "../components/notice";
import { pick } from "../content/model";
import { completionCourse } from "../content/progress-course";
import { localeFor } from "../i18n/request-locale.server";
import { markAttendance, roster } from "../models/sessions/attendance.server";
import { reflectionsOfCohort } from "../models/sessions/reflection.server";
import { checkinWindow, cohortCourseIds, mayScheduleFor, saveSchedule, scheduleOf } from "../models/sessions/schedule.server";
import { defaultZoneFor, formatInZone, wallTimeIn, wallTimeToInstant, zoneChoices } from "../sessions/time-zone";
import { scheduleSchema } from "../sessions/schedule-form.server";
import { parseForm } from "../utils/forms.server";
import { isUuid } from "../utils/ids";
import { pageTitle } from "../utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "facilitate.sessions.detailTitle");

/** The cohort (in this person's scope), the course it was given and the session item in it. */
async function findSession(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { request, params, context } = args;
  const user = await requirePermission(context, request, "schedule:sessions");
  const cohortId = params.cohortId ?? "";
  const course = context.content.courses.get(params.courseId ?? "");
  const item = course?.items.get(params.itemId ?? "");
  const content = course?.sessions.get(params.itemId ?? "");
  if (!isUuid(cohortId) || !course || !item || !content || item.kind !== "session") throw notFound();
  // A cohort out of scope is answered as one that does not exist.
  if (!(await mayScheduleFor(context.db, user.grants, cohortId))) throw notFound();
  if (!(await cohortCourseIds(context.db, cohortId)).includes(course.id)) throw notFound();
  const cohort = await context.db.selectFrom("cohorts").select(["id", "name", "country_code", "closed_at"]).where("id", "=", cohortId).executeTakeFirstOrThrow();
  return { user, cohort, course, item, content, session: { course: completionCourse(course), item: { id: item.id, kind: item.kind } } };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, cohort, course, item, content } = await findSession(args);
  const { db } = args.context;
  const locale = localeFor(args.request, user);
  const schedule = await scheduleOf(db, cohort.id, course.id, item.id);
  const viewerZone = user.timeZone ?? defaultZoneFor(cohort.country_code ?? user.countryCode);
  const formZone = schedule?.time_zone ?? defaultZoneFor(cohort.country_code ?? user.countryCode);
  const wall = schedule ? wallTimeIn(schedule.starts_at, schedule.time_zone) : null;
  const now = new Date();
  const window = schedule ? checkinWindow(schedule) : null;
  const [people, reflections] = schedule ? await Promise.all([roster(db, schedule), reflectionsOfCohort(db, cohort.id, course.id, item.id)]) : [[], await reflectionsOfCohort(db, cohort.id, course.id, item.id)];
  return json({
    cohort: { id: cohort.id, name: cohort.name, closed: cohort.closed_at !== null },
    course: { id: course.id, title: pick(course.title, locale) },
    item: { id: item.id, title: pick(item.title, locale), speaker: content.speaker.name, organisation: pick(content.speaker.organisation, locale), liveMinutes: content.liveMinutes },
    schedule: schedule && {
      when: formatInZone(schedule.starts_at, viewerZone, locale),
      organiserWhen: schedule.time_zone === viewerZone ? null : formatInZone(schedule.starts_at, schedule.time_zone, locale),
      code: schedule.checkin_code,
      checkinOpen: window !== null && now >= window.opens && now <= window.closes,
      opens: formatInZone(window!.opens, viewerZone, locale).time,
      closes: formatInZone(window!.closes, viewerZone, locale).time,
      started: now >= schedule.starts_at,
      capacity: schedule.capacity,
      meetingUrl: schedule.meeting_url,
    },
    values: {
      date: wall?.date ?? "",
      time: wall?.time ?? "",
      timeZone: formZone,
      minutes: String(schedule?.minutes ?? content.liveMinutes),
      meetingUrl: schedule?.meeting_url ?? "",
      capacity: schedule?.capacity ? String(schedule.capacity) : "",
    },
    zones: zoneChoices(),
    people,
    reflections: reflections.map((r) => ({ name: r.display_name, body: r.body, at: r.created_at.toISOString() })),
  });
}

type Failed = { errors: Record<string, string>; values: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  const { user, cohort, course, item, session } = await findSession(args);
  const { db } = args.context;
  const base = `/facilitate/sessions/${cohort.id}/${course.id}/${item.id}`;
  const intent = (await args.request.clone().formData()).get("intent");
  if (intent === "attendance") {
    const form = await args.request.formData();
    const absent = new Set(form.getAll("absent").filter((v): v is string => typeof v === "string" && isUuid(v)));
    const result = await db.transaction().execute(async (trx) => {
      const schedule = await scheduleOf(trx, cohort.id, course.id, item.id);
      return schedule ? markAttendance(trx, schedule, absent, user.id, session) : ({ ok: false, code: "notScheduled" } as const);
    });
    if (!result.ok) return json<Failed>({ errors: { attendance: `facilitate.sessions.errors.${result.code}` }, values: {} }, { status: 409 });
    return redirect(`${base}?done=attendance&marked=${result.marked}`);
  }
  const form = await parseForm(args.request, scheduleSchema());
  if (!form.ok) return json<Failed>({ errors: form.errors, values: form.values }, { status: 400 });
  const data = form.data;
  const values = { ...form.data, capacity: data.capacity ? String(data.capacity) : "", minutes: String(data.minutes), meetingUrl: data.meetingUrl ?? "" } as Record<string, string>;
  const start = wallTimeToInstant(data.date, data.time, data.timeZone);
  if (!start.ok) {
    const field = start.code === "invalidDate" ? "date" : start.code === "invalidZone" ? "timeZone" : "time";
    return json<Failed>({ errors: { [field]: `facilitate.sessions.errors.${start.code}` }, values }, { status: 400 });
  }
  const saved = await db.transaction().execute((trx) =>
    saveSchedule(trx, { cohortId: cohort.id, courseId: course.id, itemId: item.id, startsAt: start.instant, minutes: data.minutes, timeZone: data.timeZone, meetingUrl: data.meetingUrl ?? null, capacity: data.capacity ?? null, by: user.id }),
  );
  if (!saved.ok) return json<Failed>({ errors: { form: `facilitate.sessions.errors.${saved.code}` }, values }, { status: 409 });
  return redirect(`${base}?done=${saved.created ? "scheduled" : "moved"}`);
}

export default function SessionSchedulePage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const errors: Record<string, string> = failed?.errors ?? {};
  const values: Record<string, string> = { ...data.values, ...(failed?.values ?? {}) };
  const { schedule } = data;
  const pending = data.people.filter((p) => !p.attended);
  const err = (name: string) => (errors[name] ? t(errors[name]!) : undefined);
  return (
    <div className="page wide">
      <p className="breadcrumbs">
        <Link to="/facilitate/sessions">{t("facilitate.sessions.title")}</Link>
      </p>
      <h1>{data.item.title}</h1>
      <p className="course-meta">
        <span dir="auto">{data.cohort.name}</span> · {data.course.title} · {t("session.speaker", { name: data.item.speaker, organisation: data.item.organisation })}
      </p>
      <Notice>{done ? t(`facilitate.sessions.done.${done}`, { count: Number(params.get("marked") ?? 0), defaultValue: t("facilitate.sessions.done.scheduled") }) : null}</Notice>
      <Alert>{errors.form ? t(errors.form) : null}</Alert>
      {schedule ? (
        <section aria-labelledby="scheduled-heading">
          <h2 id="scheduled-heading">{t("facilitate.sessions.scheduledHeading")}</h2>
          <p>
            <strong>{schedule.when.date}</strong>, {schedule.when.time} ({schedule.when.zone})
            {schedule.organiserWhen ? ` · ${t("facilitate.sessions.organiserTime", { time: schedule.organiserWhen.time, zone: schedule.organiserWhen.zone })}` : null}
          </p>
          <p className="checkin-code">
            {t("facilitate.sessions.code")}: <strong className="code">{schedule.code}</strong>
          </p>
          <p className="hint">{t("facilitate.sessions.codeHint", { opens: schedule.opens, closes: schedule.closes })}</p>
        </section>
      ) : null}
      {data.cohort.closed ? (
        <p className="notice">{t("facilitate.sessions.closedCohort")}</p>
      ) : (
        <Form method="post" className="stacked-form" noValidate>
          <CsrfField />
          <h2>{schedule ? t("facilitate.sessions.moveHeading") : t("facilitate.sessions.scheduleHeading")}</h2>
          <Field name="date" type="date" label={t("facilitate.sessions.date")} defaultValue={values.date} error={err("date")} required />
          <Field name="time" type="time" label={t("facilitate.sessions.time")} defaultValue={values.time} error={err("time")} required />
          <SelectField name="timeZone" label={t("facilitate.sessions.timeZone")} hint={t("facilitate.sessions.timeZoneHint")} value={values.timeZone} error={err("timeZone")}>
            {data.zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </SelectField>
          <Field name="minutes" type="number" inputMode="numeric" min={5} max={600} label={t("facilitate.sessions.minutes")} defaultValue={values.minutes} error={err("minutes")} required />
          <Field name="meetingUrl" type="url" label={t("facilitate.sessions.meetingUrl")} hint={t("facilitate.sessions.meetingUrlHint")} defaultValue={values.meetingUrl} error={err("meetingUrl")} />
          <Field name="capacity" type="number" inputMode="numeric" min={1} label={t("facilitate.sessions.capacity")} hint={t("facilitate.sessions.capacityHint")} defaultValue={values.capacity} error={err("capacity")} />
          <button type="submit" name="intent" value="schedule" className="button-primary">
            {schedule ? t("facilitate.sessions.move") : t("facilitate.sessions.save")}
          </button>
        </Form>
      )}
      {schedule ? (
        <section aria-labelledby="attendance-heading">
          <h2 id="attendance-heading">{t("facilitate.sessions.attendanceHeading")}</h2>
          {errors.attendance ? (
            <p className="alert" role="alert">
              {t(errors.attendance)}
            </p>
          ) : null}
          <DataTable
            caption={t("facilitate.sessions.rosterCaption", { count: data.people.length })}
            rows={data.people}
            rowKey={(p) => p.personId}
            empty={t("facilitate.sessions.rosterEmpty")}
            columns={[
              { header: t("facilitate.sessions.person"), cell: (p) => p.displayName, auto: true, rowHeader: true },
              { header: t("facilitate.sessions.country"), cell: (p) => p.countryCode ?? "—" },
              { header: t("facilitate.sessions.attended"), cell: (p) => (p.attended ? t(`facilitate.sessions.method.${p.attended}`) : t("facilitate.sessions.notYet")) },
            ]}
          />
          {schedule.started && pending.length > 0 ? (
            <Form method="post">
              <CsrfField />
              <fieldset>
                <legend>{t("facilitate.sessions.absentLegend")}</legend>
                <p className="hint">{t("facilitate.sessions.absentHint")}</p>
                {pending.map((p) => (
                  <div className="checkbox" key={p.personId}>
                    <input type="checkbox" id={`absent-${p.personId}`} name="absent" value={p.personId} />
                    <label htmlFor={`absent-${p.personId}`} dir="auto">
                      {p.displayName}
                    </label>
                  </div>
                ))}
              </fieldset>
              <button type="submit" name="intent" value="attendance" className="button-primary">
                {t("facilitate.sessions.markPresent", { count: pending.length })}
              </button>
            </Form>
          ) : !schedule.started ? (
            <p className="hint">{t("facilitate.sessions.markAfterStart")}</p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="reflections-heading">
        <h2 id="reflections-heading">{t("facilitate.sessions.reflectionsHeading")}</h2>
        {data.reflections.length ? (
          <ul className="reflections">
            {data.reflections.map((r) => (
              <li key={`${r.name}-${r.at}`}>
                <p>
                  <strong dir="auto">{r.name}</strong> · <DateText value={r.at} withTime />
                </p>
                <p dir="auto">{r.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("facilitate.sessions.noReflections")}</p>
        )}
      </section>
    </div>
  );
}
