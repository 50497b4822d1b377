import { pick } from "../content/model";
import { completionCourse } from "../content/progress-course";
import type { Locale } from "../i18n/locales";
import { completeFromAttendance, checkIn } from "../models/sessions/attendance.server";
import { reflectionOf, saveReflection } from "../models/sessions/reflection.server";
import { checkinWindow, scheduleForLearner } from "../models/sessions/schedule.server";
import { defaultZoneFor, formatInZone } from "../sessions/time-zone";
import { itemPath, refuse, type Activity, type ItemArgs } from "./activity.server";

export interface SessionPage {
  speaker: { name: string; organisation: string };
  summary: string;
  transcript: { html: string; locale: string; fallback: boolean };
  sources: string[];
  /** Left out in low-data mode: the page then sends no media element at all. */
  recording: { media: "video" | "audio"; url: string; captions: { locale: string; src: string }[] } | null;
  reflection: { prompt: string; minChars: number; saved: string | null };
  /** "attended": only attending live completes it. */
  completion: "attended-or-reflection" | "attended";
  /** The cohort's live session, in the person's own time zone; null when none is scheduled. */
  live: {
    cohortName: string;
    date: string;
    time: string;
    endTime: string;
    zone: string;
    zoneId: string;
    zoneChosen: boolean;
    meetingUrl: string | null;
    capacity: number | null;
    attendees: number;
    attended: boolean;
    /** Whether the check-in code can be typed now. */
    checkin: "not-yet" | "open" | "closed";
    icsHref: string;
  } | null;
}

/** The transcript in the person's language, else in Spanish (then marked with its own language). */
function transcriptFor(transcripts: Partial<Record<Locale, string>>, locale: Locale) {
  const shown: Locale = transcripts[locale] ? locale : "es";
  return { html: transcripts[shown] ?? "", locale: shown, fallback: shown !== locale };
}

function sessionOf(args: ItemArgs) {
  const content = args.course.sessions.get(args.item.id);
  if (!content) throw new Response("Not Found", { status: 404 });
  return { content, ref: { course: completionCourse(args.course), item: { id: args.item.id, kind: args.item.kind } } };
}

/** A presentation by an expert: attend it live (check-in code), or read it and answer its reflection. */
export const session: Activity<SessionPage> = {
  async pageData({ context, personId, course, item, locale, lowData, timeZone }) {
    const content = course.sessions.get(item.id);
    if (!content) return null;
    const [found, reflection] = await Promise.all([scheduleForLearner(context.db, personId, course.id, item.id), reflectionOf(context.db, personId, course.id, item.id)]);
    let live: SessionPage["live"] = null;
    if (found) {
      const { schedule } = found;
      const zoneId = timeZone ?? defaultZoneFor(found.cohortCountry);
      const start = formatInZone(schedule.starts_at, zoneId, locale);
      const end = formatInZone(new Date(schedule.starts_at.getTime() + schedule.minutes * 60_000), zoneId, locale);
      const window = checkinWindow(schedule);
      const now = new Date();
      live = {
        cohortName: found.cohortName,
        date: start.date,
        time: start.time,
        endTime: end.time,
        zone: start.zone,
        zoneId,
        zoneChosen: timeZone !== null,
        meetingUrl: schedule.meeting_url,
        capacity: schedule.capacity,
        attendees: found.attendees,
        attended: found.attended,
        checkin: now < window.opens ? "not-yet" : now > window.closes ? "closed" : "open",
        icsHref: `${itemPath({ course, item })}/calendar.ics`,
      };
    }
    const captions = Object.entries(content.captions).map(([captionLocale]) => ({ locale: captionLocale, src: `/session-captions/${course.id}/${item.id}/${captionLocale}.vtt` }));
    return {
      speaker: { name: content.speaker.name, organisation: pick(content.speaker.organisation, locale) },
      summary: pick(content.summary, locale),
      transcript: transcriptFor(content.transcripts, locale),
      sources: content.sources[locale] ?? content.sources.es ?? [],
      recording: content.recording && !lowData ? { ...content.recording, captions } : null,
      reflection: { prompt: pick(content.reflection.prompt, locale), minChars: content.reflection.minChars, saved: reflection?.body ?? null },
      completion: content.completion,
      live,
    };
  },

  async act(args, form) {
    const { context, personId, course } = args;
    const { content, ref } = sessionOf(args);
    const done = { redirect: `${itemPath(args)}?saved=1` };
    switch (String(form.get("intent") ?? "")) {
      case "check-in": {
        const code = String(form.get("code") ?? "");
        const result = await context.db.transaction().execute((trx) => checkIn(trx, personId, ref, code));
        return result.ok ? done : refuse(result.code === "locked" ? 409 : 400, `session.checkin.${result.code}`, { code });
      }
      case "reflect": {
        const body = String(form.get("reflection") ?? "");
        if (content.completion === "attended") return refuse(409, "session.reflection.notAccepted", { reflection: body });
        const result = await context.db.transaction().execute((trx) => saveReflection(trx, personId, ref, body, content.reflection.minChars));
        return result.ok ? done : refuse(result.code === "locked" ? 409 : 400, `session.reflection.${result.code}`, { reflection: body });
      }
      case "confirm-attendance": {
        const result = await context.db.transaction().execute((trx) => completeFromAttendance(trx, personId, ref));
        return result.ok ? { redirect: `/learn/${course.id}` } : refuse(409, `session.checkin.${result.code}`);
      }
      default:
        return refuse(400, "session.badForm");
    }
  },
};
