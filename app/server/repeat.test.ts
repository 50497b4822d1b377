import { afterEach, describe, expect, it, vi } from "vitest";
import { repeatWithoutOverlap } from "./repeat";

describe("a background job repeated without overlap", () => {
  afterEach(() => vi.useRealTimers());

  it("runs first after the delay, then at each interval, never twice at once", async () => {
    vi.useFakeTimers();
    let started = 0;
    let finish: () => void = () => {};
    const stop = repeatWithoutOverlap(
      () => {
        started++;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      { everyMs: 1000, firstAfterMs: 100 },
    );
    await vi.advanceTimersByTimeAsync(99);
    expect(started).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toBe(1);
    // Still running: the next looks pass it by.
    await vi.advanceTimersByTimeAsync(3000);
    expect(started).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toBe(2);
    finish();
    await stop();
  });

  it("stop waits for the run under way, and nothing starts after it", async () => {
    vi.useFakeTimers();
    let started = 0;
    let finished = false;
    let finish: () => void = () => {};
    const stop = repeatWithoutOverlap(
      () => {
        started++;
        return new Promise<void>((resolve) => (finish = resolve)).then(() => {
          finished = true;
        });
      },
      { everyMs: 1000, firstAfterMs: 0 },
    );
    await vi.advanceTimersByTimeAsync(0);
    let stoppedAt: boolean | null = null;
    const stopping = stop().then(() => (stoppedAt = finished));
    await vi.advanceTimersByTimeAsync(5000);
    expect(stoppedAt).toBeNull();
    finish();
    await stopping;
    expect(stoppedAt).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toBe(1);
  });

  it("a run that fails does not stop the next one", async () => {
    vi.useFakeTimers();
    let started = 0;
    const stop = repeatWithoutOverlap(
      async () => {
        started++;
        throw new Error("database down");
      },
      { everyMs: 1000, firstAfterMs: 0 },
    );
    await vi.advanceTimersByTimeAsync(2000);
    expect(started).toBe(3);
    await stop();
  });
});
