import type { NotificationDto } from '../../../types/api';

export type PageStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface InboxState {
  /** Newest first. */
  items: NotificationDto[];
  unread: number;
  /** The highest sequence held: a catch-up asks for what came after it. */
  lastSequence: number;
  /** The `before` cursor of the next older page: undefined until the first page, null when there is none. */
  olderCursor: number | null | undefined;
  pageStatus: PageStatus;
  error: string | null;
  /** Recently deleted ids, so a late or duplicate copy does not bring one back. */
  deletedIds: string[];
}

export const emptyInbox: InboxState = {
  items: [],
  unread: 0,
  lastSequence: 0,
  olderCursor: undefined,
  pageStatus: 'idle',
  error: null,
  deletedIds: [],
};

export type InboxAction =
  | { type: 'received'; items: NotificationDto[] }
  | { type: 'pageRequested' }
  | { type: 'pageLoaded'; items: NotificationDto[]; next: number | null }
  | { type: 'pageFailed'; error: string }
  | { type: 'read'; id: string; readAt: string }
  | { type: 'allRead'; upToSequence: number; readAt: string }
  | { type: 'deleted'; id: string }
  | { type: 'unreadCounted'; unread: number }
  | { type: 'failed'; error: string | null };

const maxTombstones = 500;

function newestFirst(a: NotificationDto, b: NotificationDto): number {
  return b.sequence - a.sequence || Date.parse(b.createdAt) - Date.parse(a.createdAt) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);
}

/** The notifications in `incoming` that the inbox has never held: the ones worth a toast. */
export function arrivals(state: InboxState, incoming: NotificationDto[]): NotificationDto[] {
  const known = new Set([...state.items.map((n) => n.id), ...state.deletedIds]);
  const seen = new Set<string>();
  return incoming.filter((n) => {
    if (known.has(n.id) || seen.has(n.id)) return false;
    seen.add(n.id);
    return true;
  });
}

/** Adds what is new, in any order, once; a copy of one already held only fills in a missing readAt. */
function merge(state: InboxState, incoming: NotificationDto[]): Pick<InboxState, 'items' | 'unread' | 'lastSequence'> {
  const fresh = arrivals(state, incoming);
  const byId = new Map(incoming.map((n) => [n.id, n]));
  let unread = state.unread;
  const items = state.items.map((held) => {
    const copy = byId.get(held.id);
    if (!copy || held.readAt || !copy.readAt) return held;
    unread -= 1;
    return { ...held, readAt: copy.readAt };
  });
  unread += fresh.filter((n) => !n.readAt).length;
  const lastSequence = Math.max(state.lastSequence, ...incoming.map((n) => n.sequence));
  return { items: fresh.length > 0 ? [...items, ...fresh].sort(newestFirst) : items, unread: Math.max(0, unread), lastSequence };
}

export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'received':
      return { ...state, ...merge(state, action.items) };
    case 'pageRequested':
      return { ...state, pageStatus: 'loading', error: null };
    case 'pageLoaded':
      return { ...state, ...merge(state, action.items), olderCursor: action.next, pageStatus: 'ready', error: null };
    case 'pageFailed':
      return { ...state, pageStatus: 'error', error: action.error };
    case 'read': {
      const held = state.items.find((n) => n.id === action.id);
      if (!held || held.readAt) return state;
      return {
        ...state,
        items: state.items.map((n) => (n.id === action.id ? { ...n, readAt: action.readAt } : n)),
        unread: Math.max(0, state.unread - 1),
      };
    }
    case 'allRead': {
      const items = state.items.map((n) => (!n.readAt && n.sequence <= action.upToSequence ? { ...n, readAt: action.readAt } : n));
      const unread = action.upToSequence >= state.lastSequence ? 0 : items.filter((n) => !n.readAt).length;
      return { ...state, items, unread };
    }
    case 'deleted': {
      const held = state.items.find((n) => n.id === action.id);
      return {
        ...state,
        items: held ? state.items.filter((n) => n.id !== action.id) : state.items,
        unread: held && !held.readAt ? Math.max(0, state.unread - 1) : state.unread,
        deletedIds: [action.id, ...state.deletedIds.filter((id) => id !== action.id)].slice(0, maxTombstones),
      };
    }
    case 'unreadCounted':
      return state.unread === action.unread ? state : { ...state, unread: Math.max(0, action.unread) };
    case 'failed':
      return { ...state, error: action.error };
  }
}
