import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeStore, sample } from './fake-store';
import { NotifyProvider } from './notify-context';
import { useNotifications } from './use-notifications';

function setup() {
  const fake = fakeStore();
  const wrapper = ({ children }: { children: ReactNode }) => <NotifyProvider client={fake.store}>{children}</NotifyProvider>;
  return { fake, hook: renderHook(() => useNotifications(), { wrapper }) };
}

describe('useNotifications', () => {
  it('follows the store: list, unread count, connection state', () => {
    const { fake, hook } = setup();
    const n = sample();
    act(() => fake.dispatch({ type: 'received', items: [n] }));
    expect(hook.result.current.notifications).toEqual([n]);
    expect(hook.result.current.unread).toBe(1);
    act(() => fake.setStatus({ kind: 'reconnecting', attempt: 2, nextAttemptAt: 5, error: null }));
    expect(hook.result.current.status).toMatchObject({ kind: 'reconnecting', attempt: 2 });
  });

  it('reports paging: more to load until a page says there is none', () => {
    const { fake, hook } = setup();
    expect(hook.result.current.hasMore).toBe(true);
    act(() => fake.dispatch({ type: 'pageRequested' }));
    expect(hook.result.current.loading).toBe(true);
    act(() => fake.dispatch({ type: 'pageLoaded', items: [], next: null }));
    expect(hook.result.current).toMatchObject({ loading: false, hasMore: false });
  });

  it('passes the actions through to the client', async () => {
    const { fake, hook } = setup();
    await hook.result.current.markRead('n1');
    await hook.result.current.remove('n2');
    await hook.result.current.markAllRead();
    expect(fake.calls).toEqual(['markRead:n1', 'remove:n2', 'markAllRead']);
  });

  it('refuses to run outside a provider', () => {
    expect(() => renderHook(() => useNotifications())).toThrow(/NotifyProvider/);
  });
});
