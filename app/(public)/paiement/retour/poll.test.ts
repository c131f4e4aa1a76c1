import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POLL_GIVE_UP_MS, pollDelay, startPolling } from "./poll";

describe("return page polling", () => {
  let visible = true;
  let listeners: (() => void)[] = [];
  const refresh = vi.fn();
  const onGiveUp = vi.fn();
  const setVisible = (v: boolean) => {
    visible = v;
    for (const l of listeners) l();
  };
  const start = () =>
    startPolling({
      refresh,
      onGiveUp,
      isVisible: () => visible,
      watchVisibility: (l) => {
        listeners.push(l);
        return () => (listeners = listeners.filter((x) => x !== l));
      },
    });

  beforeEach(() => {
    vi.useFakeTimers();
    visible = true;
    listeners = [];
    refresh.mockReset();
    onGiveUp.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it("backs off 3 s, 5 s, 10 s, 20 s, then every 30 s", async () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(pollDelay)).toEqual([3000, 5000, 10000, 20000, 30000, 30000, 30000]);
    const stop = start();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(refresh).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10_000 + 20_000);
    expect(refresh).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(refresh).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(5);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refresh).toHaveBeenCalledTimes(5);
    expect(listeners).toHaveLength(0);
  });

  it("gives up after about 10 minutes, having asked a few dozen times at most", async () => {
    start();
    await vi.advanceTimersByTimeAsync(POLL_GIVE_UP_MS + 60_000);
    expect(onGiveUp).toHaveBeenCalledTimes(1);
    expect(refresh.mock.calls.length).toBeLessThanOrEqual(25);
    const asked = refresh.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(asked);
    expect(listeners).toHaveLength(0);
  });

  it("asks nothing while the tab is hidden, and checks at once when it shows again if a check fell due", async () => {
    start();
    setVisible(false);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(refresh).not.toHaveBeenCalled();
    setVisible(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("does not start asking in a tab opened in the background", async () => {
    visible = false;
    start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refresh).not.toHaveBeenCalled();
  });

  it("still looks once when a tab hidden past the 10 minutes shows again, then gives up", async () => {
    start();
    setVisible(false);
    await vi.advanceTimersByTimeAsync(POLL_GIVE_UP_MS + 60_000);
    expect(onGiveUp).not.toHaveBeenCalled();
    setVisible(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(onGiveUp).toHaveBeenCalledTimes(1);
  });
});
