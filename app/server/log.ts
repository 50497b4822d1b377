/** One JSON line per log entry, so request ids can be searched in any log collector. */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Logger = Record<Level, (message: string, fields?: Record<string, unknown>) => void>;

export function createLogger(minimum: Level = "info", write: (line: string) => void = (l) => process.stdout.write(l + "\n")): Logger {
  const at = (level: Level) => (message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < ORDER[minimum]) return;
    const extra = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]),
    );
    // The entry's own keys come last so a field named "message" or "level" cannot overwrite them.
    write(JSON.stringify({ ...extra, time: new Date().toISOString(), level, message }));
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
