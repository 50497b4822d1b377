import { isValidZone } from "./time-zone";
import { z } from "../utils/zod.server";

/** The facilitator's schedule form: messages are translation keys (see parseForm). */
export const scheduleSchema = () =>
  z.object({
    intent: z.literal("schedule"),
    date: z.string({ error: "form.required" }).trim().min(1, "form.required").regex(/^\d{4}-\d{2}-\d{2}$/, "facilitate.sessions.errors.invalidDate"),
    time: z.string({ error: "form.required" }).trim().min(1, "form.required").regex(/^\d{2}:\d{2}$/, "facilitate.sessions.errors.invalidTime"),
    timeZone: z.string({ error: "form.required" }).refine(isValidZone, "facilitate.sessions.errors.invalidZone"),
    minutes: z.coerce.number({ error: "facilitate.sessions.errors.minutes" }).int("facilitate.sessions.errors.minutes").min(5, "facilitate.sessions.errors.minutes").max(600, "facilitate.sessions.errors.minutes"),
    // Any external meeting tool: Sendero hosts no video.
    meetingUrl: z
      .string()
      .optional()
      .transform((v) => v?.trim() || undefined)
      .pipe(z.url({ protocol: /^https?$/, error: "facilitate.sessions.errors.meetingUrl" }).max(500, "facilitate.sessions.errors.meetingUrl").optional()),
    capacity: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? Number(v.trim()) : undefined))
      .pipe(z.number({ error: "facilitate.sessions.errors.capacity" }).int("facilitate.sessions.errors.capacity").min(1, "facilitate.sessions.errors.capacity").max(100_000, "facilitate.sessions.errors.capacity").optional()),
  });
