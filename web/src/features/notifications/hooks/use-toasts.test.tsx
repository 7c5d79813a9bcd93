import { act, renderHook } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStore, sample } from './fake-store';
import { NotifyProvider } from './notify-context';
import { useToasts } from './use-toasts';

function setup(options: Parameters<typeof useToasts>[0] = {}) {
  const fake = fakeStore();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StrictMode>
      <NotifyProvider client={fake.store}>{children}</NotifyProvider>
    </StrictMode>
  );
  const hook = renderHook(() => useToasts(options), { wrapper });
  return { fake, hook };
}

describe('useToasts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows one toast per arrival, newest on top, even under StrictMode', () => {
    const { fake, hook } = setup();
    const [first, second] = [sample(), sample()];
    act(() => fake.arrive([first]));
    act(() => fake.arrive([second]));
    expect(hook.result.current.toasts.map((t) => t.notification?.id)).toEqual([second.id, first.id]);
    expect(fake.subscribers()).toBe(1);
  });

  it('hides a toast after the delay, and not while paused', () => {
    const { fake, hook } = setup({ autoHideMs: 1000 });
    const [kept, hidden] = [sample(), sample()];
    act(() => fake.arrive([kept, hidden]));
    act(() => hook.result.current.pause(kept.id));
    act(() => void vi.advanceTimersByTime(1000));
    expect(hook.result.current.toasts.map((t) => t.key)).toEqual([kept.id]);
  });

  it('dismisses one on request', () => {
    const { fake, hook } = setup();
    const n = sample();
    act(() => fake.arrive([n]));
    act(() => hook.result.current.dismiss(n.id));
    expect(hook.result.current.toasts).toEqual([]);
  });

  it('sums up a long catch-up in one toast', () => {
    const { fake, hook } = setup({ maxAtOnce: 3 });
    act(() => fake.arrive([sample(), sample(), sample(), sample()]));
    expect(hook.result.current.toasts).toHaveLength(1);
    expect(hook.result.current.toasts[0]?.summary).toBe('4 new notifications');
  });

  it('keeps at most the visible limit', () => {
    const { fake, hook } = setup({ maxVisible: 2 });
    act(() => fake.arrive([sample()]));
    act(() => fake.arrive([sample()]));
    act(() => fake.arrive([sample()]));
    expect(hook.result.current.toasts).toHaveLength(2);
  });
});
