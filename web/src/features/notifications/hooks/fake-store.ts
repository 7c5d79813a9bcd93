import type { NotificationDto } from '../../../types/api';
import type { ArrivalListener, NotifySnapshot, NotifyStore } from '../notify-client';
import { emptyInbox, inboxReducer, type InboxAction } from '../state/inbox-reducer';

/** A NotifyStore without a server, for the hooks' tests. */
export function fakeStore() {
  let snapshot: NotifySnapshot = { inbox: emptyInbox, status: { kind: 'connected', baseUrl: '', since: 0 }, inboxAvailable: true, groups: null };
  const listeners = new Set<() => void>();
  const arrivals = new Set<ArrivalListener>();
  const calls: string[] = [];
  const record = (name: string) => async (id?: string) => void calls.push(id ? `${name}:${id}` : name);
  const store: NotifyStore = {
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    getSnapshot: () => snapshot,
    onArrival: (l) => (arrivals.add(l), () => arrivals.delete(l)),
    loadMore: record('loadMore'),
    retry: record('retry'),
    markRead: record('markRead'),
    markAllRead: record('markAllRead'),
    remove: record('remove'),
    dismissError: () => void calls.push('dismissError'),
    myGroups: async () => [],
    baseUrl: '',
  };
  return {
    store,
    calls,
    dispatch(action: InboxAction) {
      snapshot = { ...snapshot, inbox: inboxReducer(snapshot.inbox, action) };
      listeners.forEach((l) => l());
    },
    setStatus(status: NotifySnapshot['status']) {
      snapshot = { ...snapshot, status };
      listeners.forEach((l) => l());
    },
    arrive(items: NotificationDto[]) {
      arrivals.forEach((l) => l(items));
    },
    subscribers: () => arrivals.size,
  };
}

let counter = 0;
export function sample(overrides: Partial<NotificationDto> = {}): NotificationDto {
  counter += 1;
  return {
    id: `00000000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    sequence: counter,
    createdAt: new Date().toISOString(),
    type: 'test.sample',
    title: `Sample ${counter}`,
    body: '',
    severity: 'info',
    link: null,
    data: null,
    readAt: null,
    ...overrides,
  };
}
