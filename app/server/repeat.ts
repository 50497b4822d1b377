/**
 * Runs a background job now and then, in this process: first after `firstAfterMs`, then every
 * `everyMs`, never two runs at once (a slow run makes the next look wait, not pile up). The
 * returned stop clears the timers and resolves once a run already under way has finished, so a
 * shutdown does not close the database under it.
 */
export function repeatWithoutOverlap(run: () => Promise<void>, { everyMs, firstAfterMs }: { everyMs: number; firstAfterMs: number }): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  const look = () => {
    if (running || stopped) return;
    running = run()
      .catch(() => {})
      .finally(() => (running = null));
  };
  const first = setTimeout(look, firstAfterMs);
  const timer = setInterval(look, everyMs);
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
