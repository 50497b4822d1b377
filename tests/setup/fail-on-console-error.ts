import { afterEach, vi } from "vitest";

// An error logged during a test is a failure we would otherwise not notice.
const errors: unknown[][] = [];
vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
  errors.push(args);
});
afterEach(() => {
  if (errors.length) {
    const logged = errors.splice(0).map((a) => a.map(String).join(" "));
    throw new Error(`console.error was called:\n${logged.join("\n")}`);
  }
});
