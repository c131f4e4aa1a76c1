/**
 * When the return page asks the server again while PayFiP's result is not
 * known: soon at first (the notification usually lands within seconds), then
 * less and less often, only while the tab is visible, and not forever.
 */
export const POLL_DELAYS_MS = [3_000, 5_000, 10_000, 20_000];
export const POLL_STEADY_MS = 30_000;
/** After this long the page stops asking by itself and offers a button instead. */
export const POLL_GIVE_UP_MS = 10 * 60_000;

export const pollDelay = (attempt: number) => POLL_DELAYS_MS[attempt] ?? POLL_STEADY_MS;

export type PollerDeps = {
  refresh: () => void;
  onGiveUp: () => void;
  isVisible: () => boolean;
  /** Subscribes to visibility changes; returns the unsubscribe function. */
  watchVisibility: (listener: () => void) => () => void;
  now?: () => number;
};

/**
 * Starts polling; returns the function that stops it. A hidden tab does not
 * ask: its next check waits until the tab is visible again (and runs at once
 * if it fell due meanwhile). Past POLL_GIVE_UP_MS the poller asks one last
 * time, calls onGiveUp and stops.
 */
export function startPolling({ refresh, onGiveUp, isVisible, watchVisibility, now = Date.now }: PollerDeps): () => void {
  const startedAt = now();
  let attempt = 0;
  let dueAt = startedAt + pollDelay(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const disarm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const stop = () => {
    stopped = true;
    disarm();
    unwatch();
  };
  const arm = () => {
    disarm();
    if (stopped || !isVisible()) return;
    timer = setTimeout(tick, Math.max(0, dueAt - now()));
  };
  const tick = () => {
    timer = undefined;
    if (stopped || !isVisible()) return;
    refresh();
    if (now() - startedAt >= POLL_GIVE_UP_MS) {
      // One last look (the tab may just have come back), then stop.
      stop();
      onGiveUp();
      return;
    }
    attempt += 1;
    dueAt = now() + pollDelay(attempt);
    arm();
  };
  const unwatch = watchVisibility(() => (isVisible() ? arm() : disarm()));
  arm();
  return stop;
}
