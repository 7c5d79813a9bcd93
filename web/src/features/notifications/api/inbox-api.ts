import { HttpError, joinUrl, requestJson } from '../../../lib/http';
import type { MyGroups, NotificationPage, UnreadCount } from '../../../types/api';

/** The signed-in user's own inbox (bearer token). */
export interface InboxApi {
  /** Newest first, older than `before` when given. */
  page(limit: number, before?: number): Promise<NotificationPage>;
  /** Oldest first, after `after`: the catch-up after a reconnect. */
  after(after: number, limit: number): Promise<NotificationPage>;
  unreadCount(): Promise<UnreadCount>;
  markRead(id: string): Promise<void>;
  markAllRead(): Promise<void>;
  remove(id: string): Promise<void>;
  myGroups(): Promise<MyGroups>;
}

export type TokenSource = (fresh: boolean) => Promise<string>;

export function createInboxApi(baseUrl: () => string, token: TokenSource): InboxApi {
  // A 401 means the token expired: get a new one and try once more.
  async function call<T>(path: string, method = 'GET'): Promise<T> {
    const send = async (fresh: boolean) =>
      requestJson<T>(joinUrl(baseUrl(), path), { method, headers: { Authorization: `Bearer ${await token(fresh)}` } });
    try {
      return await send(false);
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) return send(true);
      throw error;
    }
  }
  const inbox = '/api/me/notifications';
  return {
    page: (limit, before) => call(`${inbox}?limit=${limit}${before === undefined ? '' : `&before=${before}`}`),
    after: (after, limit) => call(`${inbox}?after=${after}&limit=${limit}`),
    unreadCount: () => call(`${inbox}/unread-count`),
    markRead: (id) => call(`${inbox}/${encodeURIComponent(id)}/read`, 'POST'),
    markAllRead: () => call(`${inbox}/read-all`, 'POST'),
    remove: (id) => call(`${inbox}/${encodeURIComponent(id)}`, 'DELETE'),
    myGroups: () => call('/api/me/groups'),
  };
}
