import { useMemo, useSyncExternalStore } from 'react';
import { useNotifyClient } from './notify-context';

/** The inbox, the unread count, the connection state and the actions, re-rendered on every change. */
export function useNotifications() {
  const client = useNotifyClient();
  const { inbox, status, inboxAvailable } = useSyncExternalStore(client.subscribe, client.getSnapshot);
  return useMemo(
    () => ({
      notifications: inbox.items,
      unread: inbox.unread,
      status,
      inboxAvailable,
      loading: inbox.pageStatus === 'loading',
      hasMore: inbox.olderCursor !== null,
      error: inbox.error,
      loadFailed: inbox.pageStatus === 'error',
      loadMore: client.loadMore,
      retry: client.retry,
      markRead: client.markRead,
      markAllRead: client.markAllRead,
      remove: client.remove,
      dismissError: client.dismissError,
    }),
    [client, inbox, status, inboxAvailable],
  );
}
