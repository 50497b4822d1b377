import { describe, expect, it } from "vitest";
import { serveCommand } from "./serve-command.js";

describe("the production server's command (package.json's serve script)", () => {
  it("gives npm start and the benchmark the same settings and Node flags as npm run serve", () => {
    const { env, args } = serveCommand();
    // The allocator hands argon2's 19 MiB blocks back to the system instead of keeping them.
    expect(env).toMatchObject({ MALLOC_MMAP_THRESHOLD_: "1048576" });
    expect(args).toContain("--max-old-space-size=192");
    expect(args.at(-1)).toBe("build/server.js");
  });
});
