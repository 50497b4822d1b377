import { z } from "zod";
import { LOCALES } from "../i18n/locales";

// The shape of session files (content/courses/<course>/sessions/<item-id>.yaml; see
// content/README.md): a presentation by an expert. Its transcript is Markdown beside it
// (<item-id>.<locale>.md, one per published locale) and captions of a recording are WebVTT files
// beside it too. When and where a cohort hears it live is set per cohort, not here.

const localized = z.partialRecord(z.enum(LOCALES), z.string().trim().min(1)).refine((v) => Object.keys(v).length > 0, "give at least one locale");

export const SESSION_COMPLETIONS = ["attended-or-reflection", "attended"] as const;
export type SessionCompletion = (typeof SESSION_COMPLETIONS)[number];

export const sessionSchema = z.strictObject({
  speaker: z.strictObject({
    name: z.string().trim().min(1, "the speaker needs a name"),
    organisation: localized,
  }),
  summary: localized,
  /** How long the live talk lasts (calendar entries, the check-in window). */
  live_minutes: z.number().int().positive().max(600).default(60),
  recording: z
    .strictObject({
      media: z.enum(["video", "audio"]),
      url: z.url({ protocol: /^https$/, error: "a recording is an https:// address" }),
      /** A WebVTT file (in sessions/) per published locale. */
      captions: z.partialRecord(z.enum(LOCALES), z.string().regex(/^[a-z0-9-]+\.[a-z]{2}\.vtt$/, "captions are a .vtt file beside the session file")),
    })
    .optional(),
  reflection: z.strictObject({
    prompt: localized,
    min_chars: z.number().int().min(1).max(2000).default(80),
  }),
  /** attended-or-reflection: attending live, or reading/watching and answering the reflection; attended: only attending. */
  completion: z.enum(SESSION_COMPLETIONS).default("attended-or-reflection"),
  /** The instruments the talk's facts come from, named in each locale (as a lesson's sources are). */
  sources: z.partialRecord(z.enum(LOCALES), z.array(z.string().trim().min(1)).min(1, "cite at least one source")),
});
export type SessionFile = z.infer<typeof sessionSchema>;
