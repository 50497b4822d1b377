import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["1", "true", "yes"].includes(v)));

const schema = z.object({
  NODE_ENV: z.string().default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().default("./data"),
  CONTENT_DIR: z.string().default("./content/courses"),
  PUBLIC_URL: z.string().url().optional(),
  SEED_DEMO: flag,
  COOKIE_SECURE: flag,
  TRUST_PROXY: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  LOGIN_MAX_FAILURES_ACCOUNT: z.coerce.number().int().positive().default(10),
  LOGIN_MAX_FAILURES_ADDRESS: z.coerce.number().int().positive().default(50),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_000_000),
  UPLOAD_LIMIT_BYTES: z.coerce.number().int().positive().default(5_000_000),
  INVITATION_DAYS: z.coerce.number().positive().default(14),
  RESET_LINK_HOURS: z.coerce.number().positive().default(24),
  DIALOGUE_POSTS_PER_MINUTE: z.coerce.number().int().positive().default(6),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  PROGRAMME_NAME: z.string().trim().min(1).max(200).default("Sendero"),
  VERIFY_MAX_PER_ADDRESS: z.coerce.number().int().positive().default(60),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional().or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().trim().min(3).max(300).default("Sendero <no-reply@sendero.invalid>"),
  MAIL_POLL_MS: z.coerce.number().int().min(50).default(5_000),
  MAIL_RETRY_MS: z.coerce.number().int().min(10).default(60_000),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  MAIL_SCHEDULE_MS: z.coerce.number().int().min(1_000).default(600_000),
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(13),
});

export type Config = ReturnType<typeof loadConfig>;

/** Reads every setting from the environment once, at start-up; bad values stop the server. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    contentDir: e.CONTENT_DIR,
    publicUrl: e.PUBLIC_URL,
    // The demo is seeded on the embedded database outside production, or when asked for.
    seedDemo: e.SEED_DEMO ?? (!production && !e.DATABASE_URL),
    cookieSecure: e.COOKIE_SECURE ?? Boolean(e.PUBLIC_URL?.startsWith("https:")),
    trustProxy: e.TRUST_PROXY,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.SESSION_MAX_HOURS * 3_600_000,
    login: {
      maxFailuresPerAccount: e.LOGIN_MAX_FAILURES_ACCOUNT,
      maxFailuresPerAddress: e.LOGIN_MAX_FAILURES_ADDRESS,
      lockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    /** The request body limit on the bulk-enrolment page (its files are up to 4 MB). */
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    invitationMs: e.INVITATION_DAYS * 86_400_000,
    resetLinkMs: e.RESET_LINK_HOURS * 3_600_000,
    dialoguePostsPerMinute: e.DIALOGUE_POSTS_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    /** Who issues certificates (printed on them and named in credentials). */
    programmeName: e.PROGRAMME_NAME,
    /** Verification page views per address per 10 minutes. */
    verifyMaxPerAddress: e.VERIFY_MAX_PER_ADDRESS,
    /** Server processes (node:cluster); more than one needs PostgreSQL. */
    webConcurrency: e.WEB_CONCURRENCY,
    mail: {
      /** Without it, messages are written to the log (and still listed on /admin/mail). */
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      pollMs: e.MAIL_POLL_MS,
      /** Wait before the second attempt; doubling after each failure. */
      firstRetryMs: e.MAIL_RETRY_MS,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      /** How often reminders and digests are looked for. */
      scheduleMs: e.MAIL_SCHEDULE_MS,
      /** The UTC hour from which facilitators' daily digests go out. */
      digestHourUtc: e.MAIL_DIGEST_HOUR,
    },
  };
}
